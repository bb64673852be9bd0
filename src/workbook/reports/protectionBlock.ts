// Transitional protection on a report sheet: the cap on any one person's loss in the first year, typed in two cells
// (a % of the current budget or £ a year), each person's first-year budget and protection, and the totals. The
// formulas do the engine's arithmetic (src/engine/protection.ts) in whole pence:
//   cap (pence)  = ROUND(current pence × basis points ÷ 10,000, 0), or the £ cap × 100;
//   first year   = proposed, or current − cap when that is more: proposed + (floor − proposed) × (floor > proposed);
// with operators and ROUND only, which Excel, HyperFormula and the preview all apply cell by cell to a spill. A cap
// that cannot be read (both cells filled, a % above 100% or with more than 2 places, a negative or part-penny £) is
// #N/A, so every first-year figure shows #N/A rather than a number made under some other cap.
//
// The two cells typed in sit at the top of the sheet, above every spilled formula: the preview, reading a blank
// cell, first calculates every formula above and left of it (its array might spill there), and the per-person
// columns that read the cap must not be among them.
import { LossCap } from "../../engine";
import { a1, CellAddress, CellRange, SheetCell } from "../port";
import { MONEY_FORMAT } from "../schema/columns";
import { Cells, fixed } from "./specCells";

/** The cap's percentage cell: a fraction shown as a percentage with 2 places, as the engine allows. */
export const CAP_PERCENT_FORMAT = "0.00%";
/** Rows of the totals block: its title, then the labelled cells, then a note. */
export const PROTECTION_ROWS = 9;

/** The labels of the two cells typed in, one under the other. */
const INPUT_LABELS = ["Cap, % of current budget", "or cap in £ a year"] as const;

/** The labels of the totals block's cells, in order, under its title (row 0). */
export const PROTECTION_LABELS = [
  "Cap in use (%, £ or none)",
  "Working: the % cap in basis points",
  "Working: the £ cap in pence",
  "People protected",
  "Cost of protection, first year",
  "Budgets in the first year",
  "Change on current, first year",
] as const;

/**
 * Where each cell of the block is: row offsets under the title; each value two columns right of its label, so a
 * label has the empty column between to run into.
 */
export const PROTECTION_AT = {
  inUse: 1,
  basisPoints: 2,
  pence: 3,
  people: 4,
  cost: 5,
  firstYear: 6,
  change: 7,
  note: 8,
} as const;

/** The spilled per-person columns the block reads, as spill references (A20#). */
export interface PersonColumns {
  readonly current: string;
  readonly proposed: string;
  readonly firstYear: string;
  readonly protection: string;
}

/** Where the two cells typed in are: their labels' first cell; each value two columns right, as in the totals. */
export const capCells = (inputs: CellAddress) => ({
  percent: { row: inputs.row, column: inputs.column + 2 },
  amount: { row: inputs.row + 1, column: inputs.column + 2 },
});

/**
 * The cap's two cells (at `inputs`, labels in its column), the totals block, and the formulas of the per-person
 * first-year and protection columns that read the cap.
 */
export function protectionBlock(
  sheet: Cells,
  inputs: CellAddress,
  block: CellRange,
  cap: LossCap | null,
  columns: PersonColumns,
): { firstYear: string; protection: string } {
  const { formula, value, title, formats } = sheet;
  const { row, column } = block;
  const at = (offset: keyof typeof PROTECTION_AT) => ({ row: row + PROTECTION_AT[offset], column: column + 2 });
  const cell = (offset: keyof typeof PROTECTION_AT) => fixed(at(offset));
  /** A figure's formula, in its place two columns right of its label. */
  const put = (offset: keyof typeof PROTECTION_AT, text: string, more: Partial<SheetCell> = {}) => {
    const { row: figureRow, column: figureColumn } = at(offset);
    formula(figureRow, figureColumn, text, more);
  };
  const typed = capCells(inputs);
  INPUT_LABELS.forEach((label, index) => sheet.title(inputs.row + index, inputs.column, label));
  formats({ ...typed.percent, rows: 1, columns: 1 }, CAP_PERCENT_FORMAT);
  formats({ ...typed.amount, rows: 1, columns: 1 }, MONEY_FORMAT);
  if (cap?.kind === "percent") value(typed.percent.row, typed.percent.column, cap.fraction.toNumber());
  if (cap?.kind === "amount") value(typed.amount.row, typed.amount.column, cap.amount.toNumber());
  title(row, column, "Transitional protection: a cap on any one person's loss in the first year");
  PROTECTION_LABELS.forEach((label, index) => value(row + 1 + index, column, label));

  const [percent, amount] = [fixed(typed.percent), fixed(typed.amount)];
  const notWhole = (times: number, of: string) => `ABS(${of}*${times}-ROUND(${of}*${times},0))>0.000001`;
  put(
    "inUse",
    `=IF(AND(ISBLANK(${percent}),ISBLANK(${amount})),"none",` +
      `IF(AND(ISNUMBER(${percent}),ISBLANK(${amount})),` +
      `IF(OR(${percent}<0,${percent}>1,${notWhole(10_000, percent)}),NA(),"%"),` +
      `IF(AND(ISNUMBER(${amount}),ISBLANK(${percent})),IF(OR(${amount}<0,${notWhole(100, amount)}),NA(),"£"),NA())))`,
  );
  const inUse = cell("inUse");
  put("basisPoints", `=IF(${inUse}="%",ROUND(${percent}*10000,0),0)`);
  put("pence", `=IF(${inUse}="£",ROUND(${amount}*100,0),0)`);

  const current = `ROUND(${columns.current}*100,0)`;
  const proposed = `ROUND(${columns.proposed}*100,0)`;
  const floor = `(${current}-ROUND(${current}*${cell("basisPoints")}/10000,0)-${cell("pence")})`;
  const firstYear = `=(${proposed}+(${floor}-${proposed})*(${floor}>${proposed})*(${inUse}<>"none"))/100`;
  const protection = `=ROUND(${columns.firstYear}-${columns.proposed},2)`;

  put("people", `=COUNTIFS(${columns.protection},">0.005")`);
  put("cost", `=SUMIFS(${columns.protection},${columns.protection},">0")`, { numberFormat: MONEY_FORMAT });
  put("firstYear", `=SUMIFS(${columns.firstYear},${columns.firstYear},">=0")`, { numberFormat: MONEY_FORMAT });
  put(
    "change",
    `=ROUND(${cell("firstYear")}-SUMIFS(${columns.current},${columns.current},">=0",${columns.firstYear},">=0"),2)`,
    { numberFormat: MONEY_FORMAT },
  );
  formula(
    row + PROTECTION_AT.note,
    column,
    `=IF(ISNA(${inUse}),"Give a cap as a % (0% to 100%, 2 places at most) or as £ a year (whole pence), not both: ` +
      `until then the first year shows #N/A.",` +
      `IF(${inUse}="none","No cap: everyone's first year is as proposed. Type a % or £ a year in ` +
      `${a1(typed.percent)} or ${a1(typed.amount)} to cap losses.","Nobody loses more than the cap in the first ` +
      `year; the council pays the difference, the protection's cost."))`,
  );
  return { firstYear, protection };
}
