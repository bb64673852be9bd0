// The workbook as the add-in sees it once a council has mapped its own tables: the same Workbook port, over the
// council's workbook. readTable("People") reads the council's table (or range) and hands back its rows under the
// add-in's headers, in the add-in's order; names() says the mapped tables are there; every formula the add-in writes
// names the council's tables and columns (or a range's cells); a write to a mapped table goes only to the columns the
// add-in added there. Nothing of the council's is renamed, moved or reformatted. Every reader and report is
// unchanged: they read and write through this as through any workbook.
import { matchKey } from "../../engine";
import {
  CellRange,
  CellValue,
  ColumnWrite,
  NewTable,
  sameName,
  SheetSpec,
  TableChange,
  TableData,
  TableEdit,
  TableRead,
  Workbook,
  WorkbookNames,
  WorkbookRefusal,
} from "../port";
import { readRows } from "../schema/rows";
import { PEOPLE, PRICE_POINTS, SCORING, WORKBOOK_MAPPING } from "../schema/tables";
import {
  headerFor,
  INDICATIVE_BUDGET,
  isGrid,
  isRange,
  PERSON_FIELDS,
  POINTS,
  RangeSource,
  readMappingRows,
  ReadMapping,
  RoleMapping,
  roleOf,
  Source,
  sourceText,
  TableSource,
} from "./model";
import { rewriteFormula, RewriteTarget } from "./rewrite";

const EMPTY: ReadMapping = { mapping: [], problems: [] };

/** The mapping the WorkbookMapping table holds; none when the workbook has no such table. */
export async function readMapping(workbook: Workbook): Promise<ReadMapping> {
  const table = await workbook.readTable(WORKBOOK_MAPPING.name);
  if (!table) return EMPTY;
  const { rows, problems } = readRows(WORKBOOK_MAPPING, table);
  const read = readMappingRows(rows);
  return {
    mapping: read.mapping,
    problems: [
      ...problems.map(({ index, message }) => `${WORKBOOK_MAPPING.name} row ${index + 1}: ${message}.`),
      ...read.problems,
    ],
  };
}

/** The positions in `headers` of the council's columns, in the order the add-in reads them; missing ones left out. */
function projection(entry: RoleMapping, headers: readonly string[]): { field: string; at: number }[] {
  const at = (header: string) => headers.findIndex((candidate) => matchKey(candidate) === matchKey(header));
  const found = entry.columns
    .map((column) => ({ field: column.field, at: at(column.header) }))
    .filter((column) => column.at >= 0);
  if (entry.role !== PEOPLE.name) return found;
  // People: its own columns, the answers in the council's column order, then the two calculated columns.
  const rank = (field: string) => {
    const own = PERSON_FIELDS.findIndex((name) => sameName(name, field));
    if (own >= 0) return own;
    if (sameName(field, POINTS)) return 1e6;
    if (sameName(field, INDICATIVE_BUDGET)) return 1e6 + 1;
    return PERSON_FIELDS.length;
  };
  return found.sort((a, b) => rank(a.field) - rank(b.field) || a.at - b.at);
}

/** Which columns of a grid's table the span covers, as indices. */
function spanOf(entry: RoleMapping, headers: readonly string[]): { first: number; last: number } {
  if (!entry.span) return { first: 0, last: headers.length - 1 };
  const at = (header: string) => headers.findIndex((candidate) => matchKey(candidate) === matchKey(header));
  const [first, last] = [at(entry.span.first), at(entry.span.last)];
  if (first < 0 || last < first) return { first: 0, last: headers.length - 1 };
  return { first, last };
}

/**
 * A table of the council's, or a range as a table: its first row the headers (as text), the rest its rows, under the
 * range's address. Null when the workbook has no such table or sheet.
 */
export async function readSource(
  base: Workbook,
  source: Source,
  read: TableRead = "values",
): Promise<TableData | null> {
  if (!isRange(source)) return base.readTable(source.table, read);
  const cells = await base.readCells(source.sheet, source.range);
  if (!cells) return null;
  const [header = [], ...rows] = cells;
  return {
    name: sourceText(source),
    sheet: source.sheet,
    headers: header.map((cell) => (cell === null ? "" : String(cell))),
    rows,
    at: { row: source.range.row, column: source.range.column },
  };
}

/**
 * A source's cells as the add-in's table: a grid's span of its columns (a range as it is), or a table's mapped
 * columns under the add-in's headers in the add-in's order. Every row is kept, in order, so a row's index is the
 * council's.
 */
export function asRole(entry: RoleMapping, data: TableData): TableData {
  if (isGrid(entry.role)) {
    if (isRange(entry.source)) return { ...data, name: entry.role };
    const { first, last } = spanOf(entry, data.headers);
    return {
      name: entry.role,
      sheet: data.sheet,
      headers: data.headers.slice(first, last + 1),
      rows: data.rows.map((row) => row.slice(first, last + 1)),
      at: data.at && { row: data.at.row, column: data.at.column + first },
    };
  }
  const columns = projection(entry, data.headers);
  return {
    name: entry.role,
    sheet: data.sheet,
    headers: columns.map((column) => column.field),
    rows: data.rows.map((row) => columns.map((column) => row[column.at] ?? null)),
    at: data.at,
  };
}

/** The council's columns of a mapped table that are its own (not added by the add-in): never written by the add-in. */
export async function councilColumns(workbook: Workbook, table: string): Promise<readonly string[]> {
  if (!(workbook instanceof MappedWorkbook)) return [];
  const entry = await workbook.entry(table);
  return entry?.columns.filter((column) => !column.added).map((column) => column.field) ?? [];
}

/**
 * A workbook read and written through the council's mapping, kept in its WorkbookMapping table. The mapping is read
 * again by names() (where every reader starts) and by reload(), so a mapping saved since, here or by a colleague,
 * is the one used.
 */
export class MappedWorkbook implements Workbook {
  private current: Promise<ReadMapping> | null = null;

  /** Present when the council's workbook can tell of changes to its tables (Excel's Table.onChanged). */
  readonly watchTables?: Workbook["watchTables"];

  constructor(readonly base: Workbook) {
    if (base.watchTables) this.watchTables = (tables, listener) => this.watchMapped(tables, listener);
  }

  /**
   * Watches the tables as the add-in names them: a mapped one as the council's table, told of under the add-in's
   * name; one mapped to a range is not watched (Excel tells of changes to tables only).
   */
  private async watchMapped(
    tables: readonly string[],
    listener: (change: TableChange) => void,
  ): Promise<() => Promise<void>> {
    const { mapping } = await this.mapping();
    // Each council's table watched, by the name the add-in knows it by.
    const addInName = new Map<string, string>();
    for (const table of tables) {
      const entry = mapping.find((candidate) => sameName(candidate.role, table));
      if (!entry) addInName.set(matchKey(table), table);
      else if (!isRange(entry.source)) addInName.set(matchKey(entry.source.table), entry.role);
    }
    const sources = tables.flatMap((table) => {
      const entry = mapping.find((candidate) => sameName(candidate.role, table));
      if (!entry) return [table];
      return isRange(entry.source) ? [] : [entry.source.table];
    });
    return this.base.watchTables!(sources, (change) =>
      listener({ ...change, table: addInName.get(matchKey(change.table)) ?? change.table }),
    );
  }

  /** The mapping in use, read when first needed. */
  mapping(): Promise<ReadMapping> {
    this.current ??= readMapping(this.base).catch((error: unknown) => {
      this.current = null;
      throw error;
    });
    return this.current;
  }

  /** Reads the mapping again, after it was saved. */
  reload(): Promise<ReadMapping> {
    this.current = null;
    return this.mapping();
  }

  /** The mapping of one of the add-in's tables, if the council mapped it. */
  async entry(name: string): Promise<RoleMapping | undefined> {
    const role = roleOf(name);
    if (!role) return undefined;
    return (await this.mapping()).mapping.find((entry) => entry.role === role);
  }

  async names(): Promise<WorkbookNames> {
    const [{ mapping }, names] = await Promise.all([this.reload(), this.base.names()]);
    const present = (entry: RoleMapping) =>
      isRange(entry.source)
        ? names.sheets.some((sheet) => sameName(sheet, (entry.source as RangeSource).sheet))
        : names.tables.some((table) => sameName(table, (entry.source as TableSource).table));
    const mapped = mapping.filter(present).map((entry) => entry.role);
    return {
      ...names,
      tables: [...names.tables.filter((table) => !mapped.some((role) => sameName(role, table))), ...mapped],
    };
  }

  async readTable(name: string, read: TableRead = "values"): Promise<TableData | null> {
    const entry = await this.entry(name);
    if (!entry) return this.base.readTable(name, read);
    const data = await readSource(this.base, entry.source, read);
    return data && asRole(entry, data);
  }

  readCells(sheet: string, range: CellRange): Promise<CellValue[][] | null> {
    return this.base.readCells(sheet, range);
  }

  async addTables(tables: readonly NewTable[]): Promise<void> {
    const targets = await this.targets();
    this.checkNotMapped(
      tables.map((table) => table.name),
      targets,
    );
    await this.base.addTables(tables.map((table) => newTable(table, targets)));
  }

  async addSheet(sheet: SheetSpec): Promise<void> {
    const targets = await this.targets();
    this.checkNotMapped(
      (sheet.tables ?? []).map((table) => table.name),
      targets,
    );
    await this.base.addSheet({
      ...sheet,
      cells: sheet.cells.map((cell) =>
        cell.formula === undefined ? cell : { ...cell, formula: rewriteFormula(cell.formula, targets) },
      ),
      tables: sheet.tables?.map((table) => newTable(table, targets)),
    });
  }

  async editTables(edits: readonly TableEdit[]): Promise<void> {
    const targets = await this.targets();
    const written: TableEdit[] = [];
    for (const edit of edits) {
      const entry = await this.entry(edit.table);
      written.push(entry ? await this.mappedEdit(entry, edit, targets) : rewriteEdit(edit, targets));
    }
    await this.base.editTables(written);
  }

  /** A new table may not take a mapped table's name: its formulas would mean the council's. */
  private checkNotMapped(names: readonly string[], targets: (name: string) => RewriteTarget | undefined) {
    const taken = names.find((name) => targets(name) !== undefined);
    if (taken) {
      throw new WorkbookRefusal(
        `${taken} is mapped to a table of yours (Settings › Your workbook), so the add-in does not make its own; ` +
          "nothing was created.",
      );
    }
  }

  /**
   * An edit of a mapped table as the council's: its columns under the council's headers, and only the columns the
   * add-in added. People's calculated columns get the mapping's own formulas (the answers by question id, in the
   * council's order).
   */
  private async mappedEdit(
    entry: RoleMapping,
    edit: TableEdit,
    targets: (name: string) => RewriteTarget | undefined,
  ): Promise<TableEdit> {
    const nothing = "nothing was written";
    if (isRange(entry.source)) {
      throw new WorkbookRefusal(
        `${entry.role} is a range of yours, not a table, so the add-in does not write it; ${nothing}.`,
      );
    }
    const table = entry.source.table;
    if ((edit.delete?.length ?? 0) > 0 || (edit.append?.length ?? 0) > 0) {
      throw new WorkbookRefusal(`The add-in does not add or remove rows of your ${table} table; ${nothing}.`);
    }
    const formulas = entry.role === PEOPLE.name ? await this.peopleFormulas(entry) : new Map<string, string>();
    const columns = edit.columns.map((column): ColumnWrite => {
      const mapped = headerFor(entry, column.header);
      if (!mapped) {
        throw new WorkbookRefusal(
          `Your mapping gives ${entry.role}'s ${column.header} no column of ${table}; ${nothing}.`,
        );
      }
      if (!mapped.added) {
        throw new WorkbookRefusal(
          `${mapped.header} is a column of yours in ${table}: the add-in does not write in it; ${nothing}.`,
        );
      }
      const calculated =
        entry.role === PEOPLE.name && [POINTS, INDICATIVE_BUDGET].some((field) => sameName(field, column.header));
      const formula = calculated ? formulas.get(matchKey(column.header)) : column.formula;
      if (calculated && formula === undefined) {
        throw new WorkbookRefusal(
          sameName(column.header, POINTS)
            ? `The add-in's Points column needs the answers side by side in ${table}, with no other column among ` +
                `them; map a points column of yours instead, or move the columns together; ${nothing}.`
            : `The add-in's Indicative budget column needs ${entry.role}'s Points and Care group mapped; ${nothing}.`,
        );
      }
      return {
        ...column,
        header: mapped.header,
        formula: formula === undefined ? undefined : rewriteFormula(formula, targets, entry.role),
      };
    });
    const key = (header: string) => headerFor(entry, header)?.header ?? header;
    return {
      table,
      columns,
      update: edit.update?.map((update) => ({ ...update, key: { ...update.key, header: key(update.key.header) } })),
    };
  }

  /**
   * The formulas of People's Points and Indicative budget in a mapped table: points from the answers by question id
   * (so the council's columns may be in any order), side by side in its table.
   */
  private async peopleFormulas(entry: RoleMapping): Promise<Map<string, string>> {
    const table = (entry.source as TableSource).table;
    const data = await this.base.readTable(table);
    if (!data) throw new WorkbookRefusal(`The workbook has no table called ${table}; nothing was written.`);
    const answers = projection(entry, data.headers).filter(
      (column) =>
        !PERSON_FIELDS.some((field) => sameName(field, column.field)) &&
        ![POINTS, INDICATIVE_BUDGET].some((field) => sameName(field, column.field)),
    );
    const formulas = new Map<string, string>();
    const careGroup = headerFor(entry, PEOPLE.columns.careGroup.header);
    const points = headerFor(entry, POINTS);
    const escape = (name: string) => name.replace(/['[\]#]/g, "'$&");
    if (careGroup && points) {
      formulas.set(
        matchKey(INDICATIVE_BUDGET),
        `=PB.INDICATIVE_BUDGET([@[${escape(POINTS)}]],${PRICE_POINTS.name}[#All],[@[${escape(careGroup.field)}]])`,
      );
    }
    if (answers.length > 0) {
      const sideBySide = answers.every((column, position) => column.at === answers[0].at + position);
      if (sideBySide) {
        const ids = answers.map((column) => `"${column.field.replace(/"/g, '""')}"`).join(",");
        const first = escape(answers[0].field);
        const last = escape(answers[answers.length - 1].field);
        formulas.set(matchKey(POINTS), `=PB.RAS_POINTS([@[${first}]:[${last}]],${SCORING.name}[#All],{${ids}})`);
      }
    }
    return formulas;
  }

  /** How each mapped table is named in formulas; a range's header row is read for its columns. */
  private async targets(): Promise<(name: string) => RewriteTarget | undefined> {
    const { mapping } = await this.mapping();
    const targets = await Promise.all(
      mapping.map(async (entry): Promise<RewriteTarget> => {
        const column = (header: string) => (isGrid(entry.role) ? header : headerFor(entry, header)?.header);
        if (!isRange(entry.source)) {
          return { role: entry.role, source: { table: entry.source.table }, column, span: entry.span };
        }
        const { sheet, range } = entry.source;
        const header = await this.base.readCells(sheet, { ...range, rows: 1 });
        const headers = (header?.[0] ?? []).map((cell) => (cell === null ? "" : String(cell)));
        return { role: entry.role, source: { sheet, range, headers }, column };
      }),
    );
    return (name) => targets.find((target) => sameName(target.role, name));
  }
}

function newTable(table: NewTable, targets: (name: string) => RewriteTarget | undefined): NewTable {
  return {
    ...table,
    columns: table.columns.map((column) =>
      column.formula === undefined
        ? column
        : { ...column, formula: rewriteFormula(column.formula, targets, table.name) },
    ),
  };
}

function rewriteEdit(edit: TableEdit, targets: (name: string) => RewriteTarget | undefined): TableEdit {
  return {
    ...edit,
    columns: edit.columns.map((column) =>
      column.formula === undefined
        ? column
        : { ...column, formula: rewriteFormula(column.formula, targets, edit.table) },
    ),
  };
}
