// The adapter's one pass over a formula's text: Excel's structured references (People[#All], People[Points],
// People[[A]:[B]], People[@Points], [@Points], [@[A]:[B]], People[#Headers]…), bare table names and spill
// references (A1#) become the A1 references fast-formula-parser understands. Strings and quoted sheet names
// are skipped whole, so a "[" or a table's name inside them is left alone. Everything else is the library's.
// Reference: https://support.microsoft.com/office/using-structured-references-with-excel-tables-f5ed2452-2337-4f71-bed3-c8ae6d2b276e
import { a1, CellAddress, CellRange, sameName } from "../port";

/** A table as the formulas see it: where its header row is, its columns, and how many rows of data it has. */
export interface TableShape {
  readonly name: string;
  readonly sheet: string;
  readonly at: CellAddress;
  readonly headers: readonly string[];
  readonly rows: number;
}

/** Where a formula is: its sheet and cell (0-based), and the table it is in, if any. */
export interface FormulaSite extends CellAddress {
  readonly sheet: string;
  readonly table?: TableShape;
}

export interface ReferenceResolver {
  table(name: string): TableShape | undefined;
  /** The block a spilled array fills from this anchor; undefined when the cell holds no spilled array. */
  spill(sheet: string, anchor: CellAddress): CellRange | undefined;
}

/** A reference that cannot be resolved: the formula evaluates to this error, with this message. */
export class UnresolvedReference extends Error {
  constructor(
    readonly code: "#REF!" | "#VALUE!",
    message: string,
  ) {
    super(message);
  }
}

export interface Translation {
  /** The formula (without its "=") with A1 references only. */
  readonly text: string;
  /** Tables the formula refers to by name or from inside, lower case: their size changes what it means. */
  readonly tables: readonly string[];
  /** It has spill references (A1#), whose blocks change with their anchors' results. */
  readonly spills: boolean;
}

const ERROR_LITERAL = /^#(?:NULL!|DIV\/0!|VALUE!|REF!|NAME\?|NUM!|N\/A|SPILL!|CALC!)/i;

/**
 * The function a spill reference to a cell without a spilled array becomes: #REF! where it is used, with why. So
 * =IF(ISERROR(A6),"…",INDEX(A6#,1,1)) gives its message, as Excel, which calculates only the branch IF takes, does.
 */
export const NO_SPILLED_ARRAY = "NOSPILLEDARRAY";
const NAME_START = /[A-Za-z_\\$\u00C0-\uFFFF]/;
const NAME_PART = /[A-Za-z0-9_.\\$\u00C0-\uFFFF]/;
const CELL = /^\$?([A-Za-z]{1,3})\$?(\d+)$/;

/** 'Sheet name' as a formula quotes it. */
export const quoteSheet = (sheet: string) => `'${sheet.replace(/'/g, "''")}'`;

function absolute(address: CellAddress): string {
  return a1(address).replace(/^([A-Z]+)(\d+)$/, "$$$1$$$2");
}

/** 'Sheet'!$A$1:$C$3, or 'Sheet'!$A$1 for one cell. */
export function rangeText(sheet: string, range: CellRange): string {
  const start = absolute(range);
  if (range.rows === 1 && range.columns === 1) return `${quoteSheet(sheet)}!${start}`;
  const end = absolute({ row: range.row + range.rows - 1, column: range.column + range.columns - 1 });
  return `${quoteSheet(sheet)}!${start}:${end}`;
}

function cellOf(name: string): CellAddress | undefined {
  const match = CELL.exec(name);
  if (!match) return undefined;
  let column = 0;
  for (const letter of match[1].toUpperCase()) column = column * 26 + letter.charCodeAt(0) - 64;
  return { row: Number(match[2]) - 1, column: column - 1 };
}

/** The index just past a bracketed group starting at `start` ("["), honouring nesting and the ' escape. */
function closingBracket(text: string, start: number): number {
  let depth = 0;
  for (let at = start; at < text.length; at++) {
    const char = text[at];
    if (char === "'") at++;
    else if (char === "[") depth++;
    else if (char === "]" && --depth === 0) return at + 1;
  }
  throw new UnresolvedReference("#REF!", `A structured reference is not closed: ${text.slice(start)}`);
}

const unescape = (name: string) => name.replace(/'(.)/g, "$1").trim();

type Rows = "all" | "data" | "headers" | "thisRow";

interface Specifier {
  readonly rows: Rows;
  /** First and last column names, or null for every column. */
  readonly columns: readonly [string, string] | null;
}

/** The items of [[#Headers],[A]:[B]] or [A]:[B]: special items, and columns with how they were joined. */
function items(inner: string): { specials: string[]; columns: string[]; joins: string[] } {
  const specials: string[] = [];
  const columns: string[] = [];
  const joins: string[] = [];
  const unreadable = () => new UnresolvedReference("#REF!", `Cannot read the structured reference [${inner}]`);
  let at = 0;
  while (at < inner.length) {
    while (inner[at] === " ") at++;
    if (inner[at] !== "[") throw unreadable();
    const end = closingBracket(inner, at);
    const item = unescape(inner.slice(at + 1, end - 1));
    const isColumn = !item.startsWith("#");
    if (isColumn) columns.push(item);
    else specials.push(item.toLowerCase());
    at = end;
    while (inner[at] === " ") at++;
    if (at < inner.length) {
      if (inner[at] !== "," && inner[at] !== ":") throw unreadable();
      if (isColumn) joins.push(inner[at]);
      at++;
    }
  }
  return { specials, columns, joins };
}

function rowsOf(specials: readonly string[], reference: string): Rows {
  const set = new Set(specials);
  if (set.has("#totals") && !set.has("#data") && !set.has("#all")) {
    throw new UnresolvedReference("#REF!", `${reference}: the table has no totals row`);
  }
  if (set.has("#this row")) return "thisRow";
  if (set.has("#all") || (set.has("#headers") && set.has("#data"))) return "all";
  if (set.has("#headers")) return "headers";
  return "data";
}

function specifierOf(inner: string, reference: string): Specifier {
  const trimmed = inner.trim();
  if (trimmed === "") return { rows: "data", columns: null };
  if (trimmed.startsWith("@")) {
    const rest = trimmed.slice(1).trim();
    if (rest === "") return { rows: "thisRow", columns: null };
    return { ...specifierOf(rest.startsWith("[") ? rest : `[${rest}]`, reference), rows: "thisRow" };
  }
  if (trimmed.startsWith("#")) return { rows: rowsOf([unescape(trimmed).toLowerCase()], reference), columns: null };
  if (!trimmed.startsWith("[")) return { rows: "data", columns: [unescape(trimmed), unescape(trimmed)] };
  const { specials, columns, joins } = items(trimmed);
  if (columns.length > 2 || (columns.length === 2 && joins[0] !== ":")) {
    throw new UnresolvedReference("#REF!", `${reference}: only one column or one block of columns is supported`);
  }
  return {
    rows: rowsOf(specials, reference),
    columns: columns.length === 0 ? null : [columns[0], columns[columns.length - 1]],
  };
}

function columnIndex(table: TableShape, name: string, reference: string): number {
  const index = table.headers.findIndex((header) => sameName(header.trim(), name));
  if (index < 0) throw new UnresolvedReference("#REF!", `${reference}: table ${table.name} has no column "${name}"`);
  return index;
}

/** The block of cells a structured reference means, for a formula at `site`. */
function structuredRange(table: TableShape, specifier: Specifier, site: FormulaSite, reference: string): CellRange {
  const [first, last] = specifier.columns
    ? [columnIndex(table, specifier.columns[0], reference), columnIndex(table, specifier.columns[1], reference)]
    : [0, table.headers.length - 1];
  const columns = { column: table.at.column + Math.min(first, last), columns: Math.abs(last - first) + 1 };
  // An empty table still has one (blank) row of data in Excel.
  const dataRows = Math.max(table.rows, 1);
  switch (specifier.rows) {
    case "headers":
      return { row: table.at.row, rows: 1, ...columns };
    case "all":
      return { row: table.at.row, rows: dataRows + 1, ...columns };
    case "data":
      return { row: table.at.row + 1, rows: dataRows, ...columns };
    case "thisRow": {
      const inRows = site.row > table.at.row && site.row <= table.at.row + table.rows;
      if (!sameName(site.sheet, table.sheet) || !inRows) {
        throw new UnresolvedReference("#VALUE!", `${reference} is used outside the rows of table ${table.name}`);
      }
      return { row: site.row, rows: 1, ...columns };
    }
  }
}

/** Translates a formula (without its "=") written at `site` into A1 references. */
export function toA1(formula: string, site: FormulaSite, resolver: ReferenceResolver): Translation {
  const tables = new Set<string>();
  let spills = false;
  let out = "";
  let at = 0;
  /** The spill reference at `at` (after a cell address), if a "#" follows. */
  const spillAfter = (sheet: string, name: string): string | undefined => {
    const anchor = cellOf(name);
    if (!anchor || formula[at] !== "#") return undefined;
    at++;
    spills = true;
    const range = resolver.spill(sheet, anchor);
    return range ? rangeText(sheet, range) : `${NO_SPILLED_ARRAY}("${name}#")`;
  };
  /** After "Sheet!": a spill reference becomes its block; anything else is kept with its sheet prefix. */
  const sheetCell = (sheet: string, prefix: string): string => {
    const cell = /^[$A-Za-z]+\$?\d+/.exec(formula.slice(at))?.[0] ?? "";
    at += cell.length;
    return spillAfter(sheet, cell) ?? `${prefix}${cell}`;
  };
  const structured = (table: TableShape | undefined, name: string): string => {
    const end = closingBracket(formula, at);
    const reference = `${name}${formula.slice(at, end)}`;
    if (!table) throw new UnresolvedReference("#REF!", `${reference} is not in a table`);
    tables.add(table.name.toLowerCase());
    const range = structuredRange(table, specifierOf(formula.slice(at + 1, end - 1), reference), site, reference);
    at = end;
    return rangeText(table.sheet, range);
  };

  while (at < formula.length) {
    const char = formula[at];
    if (char === '"' || char === "'") {
      let end = at + 1;
      while (end < formula.length && !(formula[end] === char && formula[end + 1] !== char)) {
        end += formula[end] === char ? 2 : 1;
      }
      const quoted = formula.slice(at, end + 1);
      at = end + 1;
      if (char === "'" && formula[at] === "!") {
        at++;
        out += sheetCell(quoted.slice(1, -1).replace(/''/g, "'"), `${quoted}!`);
      } else out += quoted;
    } else if (char === "#" && ERROR_LITERAL.test(formula.slice(at))) {
      const literal = ERROR_LITERAL.exec(formula.slice(at))![0];
      out += literal;
      at += literal.length;
    } else if (char === "[") {
      out += structured(site.table, "");
    } else if (NAME_START.test(char)) {
      let end = at + 1;
      while (end < formula.length && NAME_PART.test(formula[end])) end++;
      const name = formula.slice(at, end);
      at = end;
      const next = formula[at];
      if (next === "[") {
        const table = resolver.table(name);
        if (!table) throw new UnresolvedReference("#REF!", `There is no table called ${name}`);
        out += structured(table, name);
      } else if (next === "!") {
        at++;
        out += sheetCell(name, `${name}!`);
      } else if (next === "(") {
        out += name;
      } else {
        const spilled = spillAfter(site.sheet, name);
        const table = spilled === undefined ? resolver.table(name) : undefined;
        if (table) tables.add(table.name.toLowerCase());
        out += spilled ?? (table ? rangeText(table.sheet, structuredRange(table, DATA, site, name)) : name);
      }
    } else {
      out += char;
      at++;
    }
  }
  return { text: out, tables: [...tables], spills };
}

const DATA: Specifier = { rows: "data", columns: null };
