// Kinds of column the add-in's tables hold: how a cell of each kind is written (value and Excel number
// format) and read back into a typed value. A table declares its columns with these once (tables.ts).
import { Cell, Decimal, EngineError, isBlank, label, moneyAmount, nonNegativeNumber, readCell } from "../../engine";
import { CellValue, ColumnWrite, TEXT_FORMAT } from "../port";

export const MONEY_FORMAT = "£#,##0.00";
export const PERCENT_FORMAT = "0.0%";
export const DATE_FORMAT = "d mmm yyyy";
export const DATE_TIME_FORMAT = "d mmm yyyy hh:mm";
const GENERAL = "General";

/**
 * One column of a declared table. `read` throws an EngineError whose message says what was expected;
 * the reader adds the table, row and column.
 */
export interface Column<T> {
  readonly header: string;
  readonly numberFormat: string;
  /** A calculated column's formula, written into every row explicitly. */
  readonly formula?: string;
  /** Older workbooks may lack this column: reading gives read(null), and the next save adds it. */
  readonly addedLater?: boolean;
  readonly read: (cell: Cell) => T;
  readonly write: (value: T) => CellValue;
}

/** How a column is written, whatever its values' type. */
export function columnWrite(column: Pick<Column<never>, "header" | "numberFormat" | "formula">): ColumnWrite {
  return { header: column.header, numberFormat: column.numberFormat, formula: column.formula };
}

/** Text, kept as text in Excel (a Person ID "00123" stays "00123"); a blank reads as "". */
export function text(header: string, options: { addedLater?: boolean } = {}): Column<string> {
  return { header, numberFormat: TEXT_FORMAT, ...options, read: label, write: (value) => value };
}

/**
 * An amount in £, 0 or more. Written only as pounds and pence: the cell shows what it holds, so an amount
 * with more places (which the plan rules refuse, or rounding to pence makes whole) never reaches Excel.
 */
export function money(header: string): Column<Decimal> {
  return {
    header,
    numberFormat: MONEY_FORMAT,
    read: (cell) => readCell(moneyAmount, cell, header),
    write: (value) => {
      if (value.decimalPlaces() > 2) {
        const amount = `£${value.toString()}`;
        throw new EngineError("invalid", `${header}: ${amount} is not pounds and pence; nothing was written`);
      }
      return Number(value.toFixed());
    },
  };
}

/** A plain number, 0 or more (a quantity, a line number). */
export function count(header: string): Column<Decimal> {
  return {
    header,
    numberFormat: GENERAL,
    read: (cell) => readCell(nonNegativeNumber, cell, header),
    write: (value) => Number(value.toFixed()),
  };
}

/** A value computed by a formula; read as the cell holds it. The formula itself depends on the workbook. */
export function calculated(header: string, numberFormat = GENERAL): Column<Cell> {
  return { header, numberFormat, read: (cell) => cell, write: () => null };
}

// Excel's 1900 date system: serial 1 is 1 January 1900 and Excel counts a 29 February 1900 that never was,
// so from 1 March 1900 on a serial is the days since 30 December 1899.
const DAY_MS = 86_400_000;
const EPOCH_MS = Date.UTC(1899, 11, 30);

function serialOf(iso: string): number {
  return (Date.parse(`${iso}T00:00:00Z`) - EPOCH_MS) / DAY_MS;
}

function isoOf(serial: number): string {
  return new Date(EPOCH_MS + Math.floor(serial) * DAY_MS).toISOString().slice(0, 10);
}

/** "2026-04-01" or an Excel date serial (time of day ignored) → "2026-04-01". */
function readIsoDate(cell: Cell, header: string): string {
  if (typeof cell === "number" && Number.isFinite(cell) && cell >= 61) return isoOf(cell);
  const text = label(cell);
  if (/^\d{4}-\d{2}-\d{2}$/.test(text) && isoOf(serialOf(text)) === text) return text;
  throw new EngineError("invalid", `${header}: expected a date; got ${JSON.stringify(text)}`);
}

/** A date, held by Excel as a serial number with a date format; read as ISO text, a blank as null. */
export function date(header: string, options: { addedLater?: boolean } = {}): Column<string | null> {
  return {
    header,
    numberFormat: DATE_FORMAT,
    ...options,
    read: (cell) => (isBlank(cell) ? null : readIsoDate(cell, header)),
    write: (value) => (value === null ? null : serialOf(value)),
  };
}

/** "2026-11-24T14:05" (local time, to the minute) ↔ an Excel serial with the time as its fraction. */
function readIsoDateTime(cell: Cell, header: string): string {
  if (typeof cell === "number" && Number.isFinite(cell) && cell >= 61) {
    const minutes = Math.round((cell - Math.floor(cell)) * 1440);
    const day = isoOf(Math.floor(cell) + Math.floor(minutes / 1440));
    const two = (n: number) => String(n).padStart(2, "0");
    return `${day}T${two(Math.floor((minutes % 1440) / 60))}:${two(minutes % 60)}`;
  }
  const text = label(cell).replace(" ", "T");
  const match = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})$/.exec(text);
  if (match && isoOf(serialOf(match[1])) === match[1] && Number(match[2]) < 24 && Number(match[3]) < 60) return text;
  throw new EngineError("invalid", `${header}: expected a date and time; got ${JSON.stringify(label(cell))}`);
}

/** A date and time to the minute, held by Excel as a serial number; read as "2026-11-24T14:05", a blank as null. */
export function dateTime(header: string): Column<string | null> {
  return {
    header,
    numberFormat: DATE_TIME_FORMAT,
    read: (cell) => (isBlank(cell) ? null : readIsoDateTime(cell, header)),
    write: (value) => {
      if (value === null) return null;
      const [day, time] = value.split("T");
      const [hours, minutes] = time.split(":").map(Number);
      return serialOf(day) + (hours * 60 + minutes) / 1440;
    },
  };
}

/** One of a fixed set of values (a frequency, how money is managed), written in its usual spelling. */
export function choice<T extends string>(header: string, read: (cell: Cell, where: string) => T): Column<T> {
  return { header, numberFormat: TEXT_FORMAT, read: (cell) => read(cell, header), write: (value) => value };
}

/** A cell read as it is, for tables whose rows the engine parses itself (settings); written as given. */
export function raw(header: string, numberFormat = GENERAL): Column<Cell> {
  return { header, numberFormat, read: (cell) => cell, write: (value) => (value === undefined ? null : value) };
}
