// What Excel does with what the add-in writes. Range.values and Range.formulas parse a written string as if the
// user had typed it (the Range.values JSDoc; OfficeDev/office-js#229, #1559; office-js-docs-pr#1730): "00123"
// becomes 123, "2026-04-01" a date serial, "£12" and "10%" numbers, "TRUE" a boolean, "=…", "+…" and "-…" formulas.
// A cell formatted as Text ("@") keeps what is typed as text, and so does an entry starting with an apostrophe,
// which Excel does not keep (Microsoft support, "Keeping leading zeros and large numbers"; office-js#6687).
import { CellValue, TEXT_FORMAT } from "../port";

/** What to type into a cell of this number format so that Excel stores `value` as it is. */
export function entry(value: CellValue, numberFormat: string | undefined): string | number | boolean {
  // "" clears a cell ("Blank and null values in Excel add-ins").
  if (value === null) return "";
  if (typeof value !== "string" || value === "") return value;
  // A Text cell keeps any entry, but Excel still takes a leading apostrophe as the sign of text, so it is doubled.
  if (numberFormat === TEXT_FORMAT && !value.startsWith("'")) return value;
  return `'${value}`;
}

// Excel's rules for names (Microsoft support, "Rename an Excel table" and "Rename a worksheet").
const CELL_LIKE = /^([A-Za-z]{1,3}\d+|[RrCc]|[Rr]\d*[Cc]\d*)$/;

/** Why Excel would refuse this table name, or null: letters, digits, _ and . only, not like a cell address. */
export function tableNameProblem(name: string): string | null {
  if (name.length === 0 || name.length > 255) return "a table name has 1 to 255 characters";
  if (!/^[A-Za-z_\\][A-Za-z0-9_.\\]*$/.test(name)) {
    return "a table name starts with a letter or _ and holds only letters, digits, _ and . (no spaces)";
  }
  if (CELL_LIKE.test(name)) return "a table name cannot look like a cell address";
  return null;
}

/** Why Excel would refuse this sheet name, or null. */
export function sheetNameProblem(name: string): string | null {
  if (name.trim() === "" || name.length > 31) return "a sheet name has 1 to 31 characters";
  if (/[:\\/?*[\]]/.test(name)) return "a sheet name cannot hold : \\ / ? * [ or ]";
  if (name.startsWith("'") || name.endsWith("'")) return "a sheet name cannot begin or end with an apostrophe";
  if (name.toLowerCase() === "history") return "Excel keeps the sheet name History for itself";
  return null;
}
