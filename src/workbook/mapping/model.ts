// What a mapping says: which of the council's tables or ranges plays each of the add-in's tables, and which of its
// columns is each of the add-in's; and how it is kept in the WorkbookMapping table, a row for each fact. Pure: no
// workbook is read here (mappedWorkbook.ts reads through it).
import { matchKey } from "../../engine";
import { a1, CellRange, sameName } from "../port";
import { RowOf } from "../schema/rows";
import { PEOPLE, PRICE_POINTS, SCORING, SERVICES, WORKBOOK_MAPPING } from "../schema/tables";

/** The add-in's tables a council may point at its own: read as a whole (grids) or column by column. */
export const ROLES = [SCORING.name, PRICE_POINTS.name, PEOPLE.name, SERVICES.name] as const;
export type Role = (typeof ROLES)[number];

/** Scoring and PricePoints are read as a whole by the engine: their headers are data (answer codes, care groups). */
export const isGrid = (role: Role) => role === SCORING.name || role === PRICE_POINTS.name;

export const roleOf = (name: string): Role | undefined => ROLES.find((role) => sameName(role, name));

/** Where a role's cells are: a table of the council's, or a block of a sheet (its first row the headers). */
export type Source = TableSource | RangeSource;
export interface TableSource {
  readonly table: string;
}
export interface RangeSource {
  readonly sheet: string;
  readonly range: CellRange;
}

export const isRange = (source: Source): source is RangeSource => "range" in source;

/** One of the add-in's columns and the council's column that holds it. */
export interface ColumnMapping {
  /** The add-in's header; for People's answers, the scoring sheet's question id. */
  readonly field: string;
  /** The council's header, as its table has it. */
  readonly header: string;
  /** A column the add-in added to the council's table (People's Points and Indicative budget): the add-in writes it. */
  readonly added: boolean;
}

export interface RoleMapping {
  readonly role: Role;
  readonly source: Source;
  /** People and Services: the council's column for each of the add-in's that it has. */
  readonly columns: readonly ColumnMapping[];
  /** Scoring and PricePoints from a table: its first and last columns used, when not the whole table. */
  readonly span?: { readonly first: string; readonly last: string };
}

export type WorkbookMapping = readonly RoleMapping[];

/** People's own columns besides the answers, and the two the add-in calculates. */
export const PERSON_FIELDS = [
  PEOPLE.columns.personId.header,
  PEOPLE.columns.name.header,
  PEOPLE.columns.careGroup.header,
] as const;
export const POINTS = PEOPLE.columns.points.header;
export const INDICATIVE_BUDGET = PEOPLE.columns.indicativeBudget.header;
export const SERVICE_FIELDS = Object.values(SERVICES.columns).map((column) => column.header);

/** The span rows' names in the Add-in column, in brackets so that no column of the add-in's is taken for one. */
export const SPAN = { first: "(first column)", last: "(last column)" } as const;
const ADDED = "Yes";

/** 'Price bands'!$B$3:$F$7 as a user may type it (quotes, dollars and case optional), or undefined. */
export function parseRange(text: string): RangeSource | undefined {
  const match =
    /^\s*(?:'((?:[^']|'')+)'|([^'!]+))!\s*\$?([A-Za-z]{1,3})\$?(\d+)(?::\$?([A-Za-z]{1,3})\$?(\d+))?\s*$/.exec(text);
  if (!match) return undefined;
  const column = (letters: string) => [...letters.toUpperCase()].reduce((n, c) => n * 26 + c.charCodeAt(0) - 64, 0) - 1;
  const sheet = match[1] !== undefined ? match[1].replace(/''/g, "'") : match[2].trim();
  const start = { row: Number(match[4]) - 1, column: column(match[3]) };
  const end = match[5] ? { row: Number(match[6]) - 1, column: column(match[5]) } : start;
  if (start.row < 0 || end.row < 0) return undefined;
  const row = Math.min(start.row, end.row);
  const left = Math.min(start.column, end.column);
  return {
    sheet,
    range: {
      row,
      column: left,
      rows: Math.abs(end.row - start.row) + 1,
      columns: Math.abs(end.column - start.column) + 1,
    },
  };
}

/** 'Sheet'!A1 style, quoted as a formula quotes a sheet name. */
export const quoteSheet = (sheet: string) => `'${sheet.replace(/'/g, "''")}'`;

/** A source as the WorkbookMapping table and the pane name it: the table's name, or 'Price bands'!B3:F7. */
export function sourceText(source: Source): string {
  if (!isRange(source)) return source.table;
  const { range } = source;
  const end = { row: range.row + range.rows - 1, column: range.column + range.columns - 1 };
  return `${quoteSheet(source.sheet)}!${a1(range)}:${a1(end)}`;
}

type MappingRow = RowOf<typeof WORKBOOK_MAPPING>;

/** The WorkbookMapping table's rows for a mapping: each role's source, then its columns or span. */
export function mappingRows(mapping: WorkbookMapping): MappingRow[] {
  const row = (role: Role, addInColumn: string, source: string, column: string, added: boolean): MappingRow => ({
    addInTable: role,
    addInColumn,
    source,
    column,
    added: added ? ADDED : "",
  });
  return mapping.flatMap((entry) => [
    row(entry.role, "", sourceText(entry.source), "", false),
    ...(entry.span
      ? [
          row(entry.role, SPAN.first, "", entry.span.first, false),
          row(entry.role, SPAN.last, "", entry.span.last, false),
        ]
      : []),
    ...entry.columns.map((column) => row(entry.role, column.field, "", column.header, column.added)),
  ]);
}

/** A mapping read from the workbook, and the rows of it that cannot be used, each named. */
export interface ReadMapping {
  readonly mapping: WorkbookMapping;
  readonly problems: readonly string[];
}

/**
 * Reads the WorkbookMapping table's rows (as typed values). A role whose source row is missing, repeated or names
 * no table or range is left out, and said so: the add-in's own table of that name is used instead.
 */
export function readMappingRows(rows: readonly { index: number; value: MappingRow }[]): ReadMapping {
  const problems: string[] = [];
  const where = (index: number) => `${WORKBOOK_MAPPING.name} row ${index + 1}`;
  const byRole = new Map<Role, { index: number; value: MappingRow }[]>();
  for (const row of rows) {
    const role = roleOf(row.value.addInTable);
    if (!role) {
      problems.push(`${where(row.index)}: "${row.value.addInTable}" is not one of ${ROLES.join(", ")}.`);
      continue;
    }
    byRole.set(role, [...(byRole.get(role) ?? []), row]);
  }
  const mapping: RoleMapping[] = [];
  for (const role of ROLES) {
    const own = byRole.get(role);
    if (!own) continue;
    const sources = own.filter((row) => row.value.addInColumn.trim() === "");
    if (sources.length !== 1) {
      problems.push(
        sources.length === 0
          ? `${WORKBOOK_MAPPING.name} maps columns of ${role} but not its table or range, so ${role} is not mapped.`
          : `${WORKBOOK_MAPPING.name} gives ${role} ${sources.length} tables or ranges (rows ` +
              `${sources.map((row) => row.index + 1).join(", ")}), so ${role} is not mapped.`,
      );
      continue;
    }
    const text = sources[0].value.source.trim();
    const source: Source | undefined = text.includes("!") ? parseRange(text) : text ? { table: text } : undefined;
    if (!source) {
      problems.push(
        `${where(sources[0].index)}: "${text}" is neither a table's name nor a range such as 'Sheet'!B3:F7.`,
      );
      continue;
    }
    const named = (name: string) =>
      own.find((row) => matchKey(row.value.addInColumn) === matchKey(name))?.value.column.trim() ?? "";
    const columns = own
      .filter(
        (row) =>
          row.value.addInColumn.trim() !== "" &&
          !Object.values(SPAN).some((s) => sameName(s, row.value.addInColumn.trim())),
      )
      .filter((row) => row.value.column.trim() !== "")
      .map((row) => ({
        field: row.value.addInColumn.trim(),
        header: row.value.column.trim(),
        added: matchKey(row.value.added) === matchKey(ADDED),
      }));
    const span =
      isGrid(role) && named(SPAN.first) && named(SPAN.last)
        ? { first: named(SPAN.first), last: named(SPAN.last) }
        : undefined;
    mapping.push({ role, source, columns: isGrid(role) ? [] : columns, ...(span ? { span } : {}) });
  }
  return { mapping, problems };
}

/** The council's header for one of the add-in's columns, if mapped. */
export const headerFor = (entry: RoleMapping, field: string) =>
  entry.columns.find((column) => sameName(column.field, field));
