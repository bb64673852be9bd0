// How the preview shows a cell (its value in its number format, as Excel would) and reads what a user types
// into one (a number, a date, TRUE, text or a formula, as Excel would). Number formats are applied by SSF,
// SheetJS's implementation of Excel's format codes (Apache-2.0, shipped inside fast-formula-parser).
import SSF from "fast-formula-parser/ssf/ssf";
import { CellContent, CellView } from "../workbook/memory/memoryWorkbook";
import { TEXT_FORMAT } from "../workbook/port";

const DAY_MS = 86_400_000;
const EPOCH_MS = Date.UTC(1899, 11, 30);
const MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

/** Excel takes £ and other symbols in a format as they are; SSF needs them quoted. */
function ssfFormat(format: string): string {
  if (format.includes('"')) return format;
  return format.replace(/[^\x20-\x7E]/g, (symbol) => `"${symbol}"`);
}

const isDateFormat = (format: string) => /(^|[^"\\])[dy]/i.test(format.replace(/"[^"]*"/g, "")) && !/[#0]/.test(format);
const isPercentFormat = (format: string) => format.includes("%");

/** A number in an Excel number format ("£#,##0": £5,690), as a chart's axis shows it. */
export function formatNumber(value: number, numberFormat: string): string {
  try {
    return SSF.format(ssfFormat(numberFormat), value);
  } catch {
    return SSF.format("General", value);
  }
}

/** A cell's text as Excel shows it: its value in its number format, an error as its code. */
export function displayed(cell: CellView): string {
  if (cell.error) return cell.error.code;
  const { value } = cell;
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  if (typeof value !== "number") return value ?? "";
  return formatNumber(value, cell.numberFormat);
}

function isoDate(serial: number): string {
  return new Date(EPOCH_MS + Math.floor(serial) * DAY_MS).toISOString().slice(0, 10);
}

/** What an editor starts with: the formula as written, or the value in a form that reads back the same. */
export function editText(cell: CellView): string {
  if (cell.formula !== undefined) return cell.formula;
  if (cell.error) return cell.error.code;
  const { value } = cell;
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  if (typeof value !== "number") return value ?? "";
  if (isDateFormat(cell.numberFormat) && value >= 61) return isoDate(value);
  if (isPercentFormat(cell.numberFormat)) return `${Number((value * 100).toPrecision(15))}%`;
  return String(value);
}

/** "2026-04-01" or "1 Apr 2026" as an Excel date serial, or undefined. */
function dateSerial(text: string): number | undefined {
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  const written = /^(\d{1,2}) ([A-Za-z]{3})[a-z]* (\d{4})$/.exec(text);
  const [year, month, day] = iso
    ? [Number(iso[1]), Number(iso[2]) - 1, Number(iso[3])]
    : written
      ? [Number(written[3]), MONTHS.indexOf(written[2].toLowerCase()), Number(written[1])]
      : [NaN, NaN, NaN];
  const time = Date.UTC(year, month, day);
  if (!Number.isFinite(time) || month < 0 || new Date(time).getUTCDate() !== day) return undefined;
  return (time - EPOCH_MS) / DAY_MS;
}

/**
 * What typing `text` into a cell with this number format writes, as Excel reads typing: "=…" a formula,
 * "1,234.50" or "£150" a number, "10%" 0.1, TRUE/FALSE a logical value, a date in a date-formatted cell its
 * serial, anything else text; nothing clears the cell. A text-formatted ("@") cell keeps exactly what was typed.
 */
export function typedContent(text: string, numberFormat: string): CellContent {
  if (text === "") return null;
  if (numberFormat === TEXT_FORMAT) return text;
  const trimmed = text.trim();
  if (trimmed.startsWith("=") && trimmed.length > 1) return { formula: trimmed };
  if (/^(true|false)$/i.test(trimmed)) return trimmed.toLowerCase() === "true";
  const number = /^([-+]?)£?([-+]?)(\d{1,3}(?:,\d{3})+|\d*)(\.\d+)?(?:e([-+]?\d+))?(%?)$/i.exec(trimmed);
  if (number && (number[3] !== "" || number[4] !== undefined) && !(number[1] && number[2])) {
    const sign = number[1] === "-" || number[2] === "-" ? -1 : 1;
    const magnitude = Number(`${number[3].replace(/,/g, "") || "0"}${number[4] ?? ""}e${number[5] ?? "0"}`);
    return (sign * magnitude) / (number[6] ? 100 : 1);
  }
  if (isDateFormat(numberFormat)) return dateSerial(trimmed) ?? text;
  return text;
}

/** A column's least width in the grid, in pixels, from its width in characters as Excel sets it. */
export const columnPixels = (characters: number) => Math.round(characters * 7 + 10);
/** A grid cell's padding and border beside its content, in pixels. */
const CELL_EDGES = 13;

const blank = (cell: CellView) =>
  (cell.value === "" || cell.value === null) && cell.formula === undefined && !cell.error && !cell.spilled;

/**
 * How wide a cell's text may run, in pixels, when Excel would let it overflow into the blank cells to its right
 * (a title over a report, say); undefined when it stays in its cell: a number, a table's cell, no blank cell
 * beside it, or a column without a set width (the grid sizes those to their content).
 */
export function overflowWidth(
  row: readonly CellView[],
  column: number,
  columnWidths: readonly number[],
): number | undefined {
  const cell = row[column];
  if (typeof cell.value !== "string" || cell.error || cell.table !== undefined || cell.header) return undefined;
  if (!columnWidths[column]) return undefined;
  let width = columnPixels(columnWidths[column]);
  let next = column + 1;
  for (; next < row.length && blank(row[next]) && columnWidths[next]; next++) {
    width += columnPixels(columnWidths[next]) + CELL_EDGES;
  }
  return next === column + 1 ? undefined : width;
}
