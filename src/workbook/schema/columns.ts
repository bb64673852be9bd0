// Kinds of column the add-in's tables hold: how a cell of each kind is written (value and Excel number
// format) and read back into a typed value. A table declares its columns with these once (tables.ts).
import {
  Cell,
  Decimal,
  describeCell,
  EngineError,
  fractionLimit,
  isBlank,
  isoFromSerial,
  label,
  moneyAmount,
  nonNegativeNumber,
  readCell,
  readDate,
  serialFromIso,
} from "../../engine";
import { CellWrite, ColumnWrite, TEXT_FORMAT } from "../port";

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
  /** The cell to write; undefined leaves the cell as it is. */
  readonly write: (value: T) => CellWrite;
}

/** How a column is written, whatever its values' type. */
export function columnWrite(column: Pick<Column<never>, "header" | "numberFormat" | "formula">): ColumnWrite {
  return { header: column.header, numberFormat: column.numberFormat, formula: column.formula };
}

/** Text, kept as text in Excel (a Person ID "00123" stays "00123"); a blank reads as "". */
export function text(header: string, options: { addedLater?: boolean } = {}): Column<string> {
  return { header, numberFormat: TEXT_FORMAT, ...options, read: label, write: (value) => value };
}

/** Text a user may leave blank (a note): blank is written as an empty cell, so a blank read and saved stays empty. */
export function note(header: string): Column<string> {
  return { ...text(header), write: (value) => (value === "" ? null : value) };
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

/** A plain number, 0 or more (a quantity, a line number); `blank` is what a blank cell reads as, if it may be blank. */
export function count(header: string, options: { blank?: Decimal } = {}): Column<Decimal> {
  return {
    header,
    numberFormat: GENERAL,
    read: (cell) =>
      options.blank !== undefined && isBlank(cell) ? options.blank : readCell(nonNegativeNumber, cell, header),
    write: (value) => Number(value.toFixed()),
  };
}

/** A fraction shown as a percentage (a tolerance limit, 0.1 as 10%); a blank reads as null. */
export function percent(header: string): Column<Decimal | null> {
  return {
    header,
    numberFormat: PERCENT_FORMAT,
    read: (cell) => (isBlank(cell) ? null : readCell(fractionLimit, cell, header)),
    write: (value) => (value === null ? null : Number(value.toString())),
  };
}

/**
 * A column added in a later version: older workbooks lack it (reading gives read(null); the next save adds it at
 * the table's right), and a row may leave it out (undefined), which writes nothing there, so code written before
 * the column existed keeps working.
 */
export function later<T>(column: Column<T>): Column<T | undefined> {
  return {
    ...column,
    addedLater: true,
    write: (value) => (value === undefined ? undefined : column.write(value)),
  };
}

/** A value computed by a formula; read as the cell holds it. The formula itself depends on the workbook. */
export function calculated(header: string, numberFormat = GENERAL): Column<Cell> {
  return { header, numberFormat, read: (cell) => cell, write: () => null };
}

/** A date column's cell: an Excel serial (time of day ignored) or ISO text → "2026-04-01". */
function readIsoDate(cell: Cell, header: string): string {
  return isoFromSerial(readDate(cell, header));
}

/** A date, held by Excel as a serial number with a date format; read as ISO text, a blank as null. */
export function date(header: string, options: { addedLater?: boolean } = {}): Column<string | null> {
  return {
    header,
    numberFormat: DATE_FORMAT,
    ...options,
    read: (cell) => (isBlank(cell) ? null : readIsoDate(cell, header)),
    write: (value) => (value === null ? null : serialFromIso(value)),
  };
}

const MINUTES_A_DAY = 1440;
const twoDigits = (value: number) => String(value).padStart(2, "0");

/** "2026-11-24T14:05" (local time, to the minute) from an Excel serial whose fraction is the time, or from ISO text. */
function readIsoDateTime(cell: Cell, header: string): string {
  if (typeof cell === "number") {
    const minutes = Math.round(cell * MINUTES_A_DAY);
    const day = isoFromSerial(readDate(Math.floor(minutes / MINUTES_A_DAY), header));
    const time = minutes % MINUTES_A_DAY;
    return `${day}T${twoDigits(Math.floor(time / 60))}:${twoDigits(time % 60)}`;
  }
  const text = label(cell).replace(" ", "T");
  const match = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})$/.exec(text);
  if (match && Number(match[2]) < 24 && Number(match[3]) < 60) {
    readDate(match[1], header);
    return text;
  }
  throw new EngineError("invalid", `${header}: expected a date and time; got ${describeCell(cell)}`);
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
      return serialFromIso(day) + (hours * 60 + minutes) / MINUTES_A_DAY;
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
