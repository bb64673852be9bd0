// The add-in's formulas name its own tables (People[Care group], PricePoints[#All], [@Points]); in a mapped
// workbook each such structured reference is rewritten to the council's table and columns, or to the absolute A1
// block of a range. One pass over the formula's text: strings and quoted sheet names are skipped whole, so a "[" or
// a table's name inside them is left alone; references to tables that are not mapped are left as they are.
// Reference: https://support.microsoft.com/office/using-structured-references-with-excel-tables-f5ed2452-2337-4f71-bed3-c8ae6d2b276e
import { a1, CellRange, sameName, WorkbookRefusal } from "../port";
import { quoteSheet } from "./model";

/** A mapped table as formulas must name it. */
export interface RewriteTarget {
  /** The add-in's name for it. */
  readonly role: string;
  /** The council's table, or the range (with its header row's text) standing in for one. */
  readonly source:
    | { readonly table: string }
    | { readonly sheet: string; readonly range: CellRange; readonly headers: readonly string[] };
  /** The council's header for one of the add-in's, or undefined when the mapping gives none. */
  readonly column: (header: string) => string | undefined;
  /** The columns a reference naming none means (a grid's span of a wider table), or undefined for all. */
  readonly span?: { readonly first: string; readonly last: string };
}

type Rows = "all" | "data" | "headers" | "thisRow";

interface Specifier {
  readonly rows: Rows;
  readonly columns: readonly [string, string] | null;
}

const SPECIAL = /[\t\n\r,:.[\]#'"{}$^&*+=\-><\u00F7]/;
const NAME_START = /[A-Za-z_\\\u00C0-\uFFFF]/;
const NAME_PART = /[A-Za-z0-9_.\\\u00C0-\uFFFF]/;

const refused = (formula: string, why: string) =>
  new WorkbookRefusal(
    `The add-in's formula ${formula} cannot be written in this workbook: ${why}; nothing was written.`,
  );

/** The index just past the bracketed group starting at `start` ("["), honouring nesting and the ' escape. */
function closingBracket(text: string, start: number): number {
  let depth = 0;
  for (let at = start; at < text.length; at++) {
    const char = text[at];
    if (char === "'") at++;
    else if (char === "[") depth++;
    else if (char === "]" && --depth === 0) return at + 1;
  }
  return -1;
}

const unescape = (name: string) => name.replace(/'(.)/g, "$1").trim();
/** A column's name inside its brackets: ' [ ] # escaped with '. */
const escape = (name: string) => name.replace(/['[\]#]/g, "'$&");

function rowsOf(specials: readonly string[]): Rows {
  const set = new Set(specials.map((item) => item.toLowerCase()));
  if (set.has("#this row")) return "thisRow";
  if (set.has("#all") || (set.has("#headers") && set.has("#data"))) return "all";
  if (set.has("#headers")) return "headers";
  return "data";
}

/** What the text between a reference's outer brackets asks for; undefined when it cannot be read. */
function specifierOf(inner: string): Specifier | undefined {
  const trimmed = inner.trim();
  if (trimmed === "") return { rows: "data", columns: null };
  if (trimmed.startsWith("@")) {
    const rest = trimmed.slice(1).trim();
    if (rest === "") return { rows: "thisRow", columns: null };
    const row = specifierOf(rest.startsWith("[") ? rest : `[${rest}]`);
    return row && { ...row, rows: "thisRow" };
  }
  if (trimmed.startsWith("#")) return { rows: rowsOf([unescape(trimmed)]), columns: null };
  if (!trimmed.startsWith("[")) return { rows: "data", columns: [unescape(trimmed), unescape(trimmed)] };
  const specials: string[] = [];
  const columns: string[] = [];
  let at = 0;
  while (at < trimmed.length) {
    while (trimmed[at] === " ") at++;
    if (trimmed[at] !== "[") return undefined;
    const end = closingBracket(trimmed, at);
    if (end < 0) return undefined;
    const item = unescape(trimmed.slice(at + 1, end - 1));
    if (item.startsWith("#")) specials.push(item);
    else columns.push(item);
    at = end;
    while (trimmed[at] === " ") at++;
    if (at < trimmed.length && trimmed[at] !== "," && trimmed[at] !== ":") return undefined;
    if (at < trimmed.length) at++;
  }
  if (columns.length > 2) return undefined;
  return { rows: rowsOf(specials), columns: columns.length === 0 ? null : [columns[0], columns[columns.length - 1]] };
}

function absolute(range: CellRange): string {
  const fixed = (cell: { row: number; column: number }) => a1(cell).replace(/^([A-Z]+)(\d+)$/, "$$$1$$$2");
  const end = { row: range.row + range.rows - 1, column: range.column + range.columns - 1 };
  return range.rows === 1 && range.columns === 1 ? fixed(range) : `${fixed(range)}:${fixed(end)}`;
}

/** The reference, in the council's names: a structured reference to its table, or an absolute block of a range. */
function rewritten(target: RewriteTarget, specifier: Specifier, withName: boolean, formula: string): string {
  const council = (name: string) => {
    const header = target.column(name);
    if (header === undefined) throw refused(formula, `${target.role} has no column "${name}" in your mapping`);
    return header;
  };
  const columns: readonly [string, string] | null = specifier.columns
    ? [council(specifier.columns[0]), council(specifier.columns[1])]
    : target.span
      ? [target.span.first, target.span.last]
      : null;
  const { source } = target;
  if ("table" in source) {
    const name = withName ? source.table : "";
    const single = columns !== null && sameName(columns[0], columns[1]);
    const span = columns && (single ? `[${escape(columns[0])}]` : `[${escape(columns[0])}]:[${escape(columns[1])}]`);
    switch (specifier.rows) {
      case "thisRow":
        return span ? `${name}[@${span}]` : `${name}[#This Row]`;
      case "all":
      case "headers": {
        const special = specifier.rows === "all" ? "[#All]" : "[#Headers]";
        return span ? `${name}[${special},${span}]` : `${name}${special}`;
      }
      case "data":
        // One column as People[Care group] is written; in double brackets when its name has a character that
        // needs them (Excel's list: , : . [ ] # ' " { } $ ^ & * + = - > < ÷ and tab or line breaks).
        if (single && !SPECIAL.test(columns[0])) return `${name}[${escape(columns[0])}]`;
        return span ? `${name}[${span}]` : name;
    }
  }
  if (specifier.rows === "thisRow") {
    throw refused(
      formula,
      `${target.role} is the range ${quoteSheet(source.sheet)}!${absolute(source.range)}, not a table`,
    );
  }
  const position = (header: string) => {
    const found = source.headers.findIndex((candidate) => sameName(candidate.trim(), header));
    if (found < 0) throw refused(formula, `the range for ${target.role} has no column "${header}"`);
    return found;
  };
  const [first, last] = columns ? [position(columns[0]), position(columns[1])] : [0, source.range.columns - 1];
  const block: CellRange = {
    row: source.range.row + (specifier.rows === "data" ? 1 : 0),
    rows: specifier.rows === "all" ? source.range.rows : specifier.rows === "headers" ? 1 : source.range.rows - 1,
    column: source.range.column + Math.min(first, last),
    columns: Math.abs(last - first) + 1,
  };
  return `${quoteSheet(source.sheet)}!${absolute(block)}`;
}

/**
 * The formula with every structured reference to a mapped table rewritten. `site` is the add-in table the formula
 * is in (a calculated column's), for its own-row references ([@Points]). Refuses, with why, a reference the mapping
 * cannot give (a column it does not map, a row of a range).
 */
export function rewriteFormula(
  formula: string,
  targetOf: (name: string) => RewriteTarget | undefined,
  site?: string,
): string {
  let out = "";
  let at = 0;
  const reference = (target: RewriteTarget | undefined, name: string) => {
    const end = closingBracket(formula, at);
    if (end < 0) throw refused(formula, `a structured reference is not closed`);
    const inner = formula.slice(at + 1, end - 1);
    const specifier = specifierOf(inner);
    const original = `${name}[${inner}]`;
    at = end;
    if (!target) return original;
    if (!specifier) throw refused(formula, `${original} cannot be read`);
    return rewritten(target, specifier, name !== "", formula);
  };
  while (at < formula.length) {
    const char = formula[at];
    if (char === '"' || char === "'") {
      let end = at + 1;
      while (end < formula.length && !(formula[end] === char && formula[end + 1] !== char)) {
        end += formula[end] === char ? 2 : 1;
      }
      out += formula.slice(at, end + 1);
      at = end + 1;
    } else if (char === "[") {
      out += reference(site === undefined ? undefined : targetOf(site), "");
    } else if (NAME_START.test(char)) {
      let end = at + 1;
      while (end < formula.length && NAME_PART.test(formula[end])) end++;
      const name = formula.slice(at, end);
      at = end;
      const next = formula[at];
      if (next === "[") out += reference(targetOf(name), name);
      else if (next === "(" || next === "!") out += name;
      else {
        // A table's bare name is its data rows.
        const target = targetOf(name);
        out += target ? rewritten(target, { rows: "data", columns: null }, true, formula) : name;
      }
    } else {
      out += char;
      at++;
    }
  }
  return out;
}
