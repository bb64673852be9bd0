// The Finance sheet's building blocks: its cells by address, A1 references, and a block with a row per care group
// (then "Other care groups" and "All care groups") whose figures are formulas scoped to the row's care groups.
import { ALL_CARE_GROUPS, OTHER_CARE_GROUPS } from "../../../engine";
import { a1, SheetCell } from "../../port";
import { fixed as fixedCell, quoted } from "../specCells";
import { Block } from "./layout";

export { quoted };
export const ref = (row: number, column: number) => a1({ row, column });
export const fixed = (row: number, column: number) => fixedCell({ row, column });
/** A row's care group or service: column A fixed, so the formula reads like its neighbours. */
export const label = (row: number) => `$A${row + 1}`;
export const down = (column: number, first: number, last: number) => `${ref(first, column)}:${ref(last, column)}`;
export const fixedDown = (column: number, first: number, last: number) =>
  `${fixed(first, column)}:${fixed(last, column)}`;

export type Content = Omit<SheetCell, "row" | "column">;

export const COUNT_FORMAT = "0";

/** The sheet's cells, the last written to an address winning. */
export class Cells {
  private readonly cells = new Map<string, SheetCell>();
  put(row: number, column: number, content: Content): void {
    this.cells.set(ref(row, column), { row, column, ...content });
  }
  text(row: number, column: number, value: string, bold = false): void {
    this.put(row, column, bold ? { value, bold } : { value });
  }
  headings(block: Block, first: string, names: readonly string[]): void {
    this.text(block.header, 0, first, true);
    names.forEach((name, at) => this.text(block.header, at + 1, name, true));
  }
  all(): SheetCell[] {
    return [...this.cells.values()];
  }
}

/**
 * The care groups a row covers: one (a cell naming it), every group not listed (the cells naming those), or all.
 * Criteria and masks compare names as Excel does, ignoring case, so the engine's rows and the sheet's agree.
 */
export type Scope =
  | { readonly kind: "group"; readonly cell: string }
  | { readonly kind: "other"; readonly listed: readonly string[] }
  | { readonly kind: "all" };

/** SUMIFS/COUNTIFS criteria pairs, each with its leading comma, keeping a column of care groups to the scope. */
export function scopeCriteria(range: string, scope: Scope): string {
  if (scope.kind === "group") return `,${range},${scope.cell}`;
  if (scope.kind === "other") return scope.listed.map((cell) => `,${range},"<>"&${cell}`).join("");
  return "";
}

/** The same as factors of an array product, each with its leading "*": 1 where a plan is in the scope. */
export function scopeMask(range: string, scope: Scope): string {
  if (scope.kind === "group") return `*(${range}=${scope.cell})`;
  if (scope.kind === "other") return scope.listed.map((cell) => `*(${range}<>${cell})`).join("");
  return "";
}

/**
 * A column of a by-care-group block: a figure over the tables for the row's scope, or a figure of the row's own
 * cells. "All care groups" adds up the rows above it (`all: "sum"`, the default: every total is the sum of the
 * figures printed above it) or has its own formula (`"own"`: people, each counted once however many rows they are
 * in). "Other care groups" is its own scope, or (`other: "difference"`, with `all: "own"`) all less the rows listed.
 */
export type Figure =
  | {
      readonly scoped: (scope: Scope, row: number) => string;
      readonly all?: "sum" | "own";
      readonly other?: "scope" | "difference";
    }
  | { readonly row: (row: number) => string };

export interface Column {
  readonly heading: string;
  readonly format: string;
  readonly figure: Figure;
}

/** A block with a row per care group, then "Other care groups", then "All care groups" (bold). */
export function byCareGroup(
  cells: Cells,
  block: Block,
  careGroups: readonly string[],
  title: string,
  columns: readonly Column[],
): void {
  cells.text(block.title, 0, title, true);
  cells.headings(
    block,
    "Care group",
    columns.map((column) => column.heading),
  );
  const other = block.last - 1;
  const all = block.last;
  const listed = careGroups.map((_, index) => fixed(block.first + index, 0));
  [...careGroups, OTHER_CARE_GROUPS, ALL_CARE_GROUPS].forEach((careGroup, index) => {
    const row = block.first + index;
    const bold = row === all;
    cells.text(row, 0, careGroup, bold);
    columns.forEach(({ format, figure }, at) => {
      const column = at + 1;
      const above = down(column, block.first, all - 1);
      let formula: string;
      if ("row" in figure) formula = figure.row(row);
      else if (row === all)
        // Stryker disable next-line ObjectLiteral,StringLiteral: equivalent; a scope neither a group nor the others
        // (none, or a kind "") is all; it hides the "sum" literals too, which the sheet's tests kill.
        formula = (figure.all ?? "sum") === "sum" ? `=SUM(${above})` : figure.scoped({ kind: "all" }, row);
      else if (row === other && figure.other === "difference")
        formula = `=ROUND(${ref(all, column)}-SUM(${down(column, block.first, other - 1)}),2)`;
      else if (row === other) formula = figure.scoped({ kind: "other", listed }, row);
      else formula = figure.scoped({ kind: "group", cell: label(row) }, row);
      cells.put(row, column, bold ? { formula, numberFormat: format, bold } : { formula, numberFormat: format });
    });
  });
}
