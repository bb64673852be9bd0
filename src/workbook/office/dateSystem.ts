// Excel's two date systems. A workbook made with the 1904 date system (Excel for Mac's default before 2011) counts
// days from 1 January 1904: its serial for a date is 1,462 less than the 1900 system's, which the engine and the rest
// of the add-in use. The Office workbook converts at its edge, so everything above the port reads and writes 1900
// serials: a number in a date-formatted cell is moved by 1,462 as it is read and as it is written.
//
// Office.js has Workbook.use1904DateSystem only among its preview APIs (in no requirement set the manifest can
// declare; not in @types/office-js), so the system is found as Excel's own DATE function gives it
// (Workbook.functions, ExcelApi 1.2): DATE(2000,1,1) is 36526 in the 1900 system and 35064 in the 1904 one.
import { CellValue } from "../port";

/** Days between the two systems' serials for the same date (1 January 1904 is 1462 in the 1900 system). */
export const DAYS_1900_TO_1904 = 1462;
/** DATE(2000,1,1) in each system. */
export const PROBE_DATE = { year: 2000, month: 1, day: 1 } as const;
export const PROBE_SERIAL_1900 = 36526;

export type DateSystem = 1900 | 1904;

/** The workbook's date system from what DATE(2000,1,1) gave. */
export function dateSystemOf(probe: number): DateSystem {
  return probe === PROBE_SERIAL_1900 - DAYS_1900_TO_1904 ? 1904 : 1900;
}

/**
 * Whether an Excel number format shows a date or a time: a day, month, year, hour, minute or second code (d, m, y,
 * h, s, AM/PM) outside quoted text, escaped characters and bracketed colours or locales; [h] and the like are
 * elapsed times, which also count.
 */
export function isDateFormat(format: string): boolean {
  const codes = format
    .replace(/"[^"]*"/g, "")
    .replace(/\\./g, "")
    .replace(/[_*]./g, "")
    .replace(/\[(?![hms]+\])[^\]]*\]/gi, "")
    .replace(/general/gi, "");
  return /[dmyhs]|AM\/PM|A\/P/i.test(codes);
}

/** A value as the workbook should hold it, for a cell of this number format. */
export function toWorkbook(value: CellValue, format: string | null | undefined, system: DateSystem): CellValue {
  return system === 1904 && typeof value === "number" && format && isDateFormat(format)
    ? value - DAYS_1900_TO_1904
    : value;
}

/** A value the workbook holds, as the add-in reads it (1900 serials), for a cell of this number format. */
export function fromWorkbook(value: CellValue, format: string | null | undefined, system: DateSystem): CellValue {
  return system === 1904 && typeof value === "number" && format && isDateFormat(format)
    ? value + DAYS_1900_TO_1904
    : value;
}
