// The per-plan block at the foot of the Finance sheet: a row for each row of Plans, spilled, saying what the plan
// counts as in the year shown and its in-year amount by part. Every total above is an ordinary SUMIFS, COUNTIFS or
// SUM over these columns and the Plans table, never a custom function inside an aggregate: office-js#3286 reports
// SUMPRODUCT over a custom function's result giving 0 or #CALC! in Excel on the web, while a spilled custom
// function's values are plain cells to any formula.
//
// Each column is one formula in the block's first row, spilling a row per row of Plans (Excel 365 and 2021 spill
// it; a table's column cannot hold a spill). The flags are products of comparisons (1 or 0), which every engine
// applies cell by cell; IF or ISNUMBER over a column would not be in the preview's. The rule is the engine's
// (planStanding in commitment.ts): a plan is left out when it has no start date, a start or end that is not a date,
// ends before it starts, or an amount that is not a number 0 or more (a blank amount is £0); it is in the year's
// commitment when Agreed, started by the year's last day and not ended before the in-year commitment counts from.
import { AGREED, COMMITMENT_PARTS, CommitmentPart, MANAGED_AS, PIPELINE_STATUSES } from "../../../engine";
import { MONEY_FORMAT } from "../../schema/columns";
import { PLANS } from "../../schema/tables";
import { FinanceLayout, PLAN_COLUMNS, PLAN_HEADINGS } from "./layout";
import { Cells, fixed, quoted } from "./sheetCells";

/** The last day Excel holds: 31 December 9999. Anything compared above it is text (Excel orders text after numbers). */
export const LAST_SERIAL = 2_958_465;
/** £1 trillion, above any plan's amount; text and logical values compare above every number in Excel. */
export const AMOUNT_LIMIT = 1_000_000_000_000;
/** Rows given number formats at most (a SheetSpec formats cells one by one); the spill grows beyond them. */
const FORMATTED_ROWS = 2_000;
/** Rows formatted beyond today's plans, for plans saved later. */
const SPARE_ROWS = 200;

export const plansColumn = (header: string) => `${PLANS.name}[${header}]`;
const P = PLANS.columns;
export const PLAN_PART: Readonly<Record<CommitmentPart, string>> = {
  ...(Object.fromEntries(MANAGED_AS.map((way) => [way, plansColumn(P[`${way} (annual)`].header)])) as Record<
    (typeof MANAGED_AS)[number],
    string
  >),
  "One-off items": plansColumn(P.oneOff.header),
};
export const PLAN_ID = plansColumn(P.planId.header);
export const PERSON_ID = plansColumn(P.personId.header);
export const CARE_GROUP = plansColumn(P.careGroup.header);
export const PLAN_COST = plansColumn(P.annual.header);
export const INDICATIVE = plansColumn(P.indicativeAnnual.header);
export const WEEKLY_CHARGE = plansColumn(P.weeklyCharge.header);

/**
 * What a plan's person pays towards it a year (26 §5), by the engine's rule (planContribution): the smaller of the
 * plan cost and the weekly charge × the weeks in a year (the sheet's input, from PlanSettings), to the penny. The
 * smaller of two columns cell by cell is written with a comparison (1 or 0), which every engine applies per cell
 * (MIN would add a column up); a blank charge is £0.
 */
function contributionFormula(layout: FinanceLayout): string {
  const { weeksInYear } = layout.inputs;
  const charged = `${WEEKLY_CHARGE}*${fixed(weeksInYear.row, weeksInYear.column)}`;
  return `=ROUND(${charged}-(${charged}>${PLAN_COST})*(${charged}-${PLAN_COST}),2)`;
}

/** The per-plan block's columns as spill references ($F$120#), for the totals above. */
export interface PlanSpills {
  readonly leftOut: string;
  readonly committed: string;
  readonly startingLater: string;
  readonly pipeline: string;
  readonly inYear: Readonly<Record<CommitmentPart, string>>;
  readonly partsLessCost: string;
  readonly contribution: string;
  readonly planId: string;
}

export function planSpills(layout: FinanceLayout): PlanSpills {
  const spill = (column: number) => `${fixed(layout.plans.first, column)}#`;
  return {
    leftOut: spill(PLAN_COLUMNS.leftOut),
    committed: spill(PLAN_COLUMNS.committed),
    startingLater: spill(PLAN_COLUMNS.startingLater),
    pipeline: spill(PLAN_COLUMNS.pipeline),
    inYear: Object.fromEntries(COMMITMENT_PARTS.map((part, at) => [part, spill(PLAN_COLUMNS.inYear + at)])) as Record<
      CommitmentPart,
      string
    >,
    partsLessCost: spill(PLAN_COLUMNS.partsLessCost),
    contribution: spill(PLAN_COLUMNS.contribution),
    planId: spill(PLAN_COLUMNS.planId),
  };
}

/** Writes the per-plan block; `plans` is how many rows Plans has now (its rows get number formats). */
export function writePlans(cells: Cells, layout: FinanceLayout, plans: number): void {
  const block = layout.plans;
  const spills = planSpills(layout);
  const { yearEnd, from } = layout.inputs;
  const [end, counting] = [fixed(yearEnd.row, yearEnd.column), fixed(from.row, from.column)];
  const start = plansColumn(P.startDate.header);
  const finish = plansColumn(P.endDate.header);

  cells.text(
    block.title,
    0,
    "Each plan: what it counts as in the year (1 = yes) and its in-year amount; every total above adds these up",
    true,
  );
  PLAN_HEADINGS.forEach((heading, column) => cells.text(block.header, column, heading, true));

  const money = [PLAN_COST, INDICATIVE, ...COMMITMENT_PARTS.map((part) => PLAN_PART[part]), WEEKLY_CHARGE];
  const unusable = [
    `(${start}="")`,
    `(${start}<1)`,
    `(${start}>${LAST_SERIAL})`,
    `(${finish}<>"")*(${finish}<1)`,
    `(${finish}>${LAST_SERIAL})`,
    `(${finish}<>"")*(${finish}<${start})`,
    ...money.map((column) => `(${column}<0)+(${column}>${AMOUNT_LIMIT})`),
  ];
  // A row with neither a Plan ID nor a status is an empty row of the table, not a plan.
  const isPlan = `((${PLAN_ID}<>"")+(${plansColumn(P.status.header)}<>"")>0)`;
  const status = plansColumn(P.status.header);
  const running = `(${start}<=${end})*((${finish}="")+(${finish}>=${counting})>0)`;
  const usable = `(1-${spills.leftOut})`;
  const notYetAgreed = PIPELINE_STATUSES.map((name) => `(${status}=${quoted(name)})`).join("+");
  const first = block.first;
  const formulas: Record<number, string> = {
    [PLAN_COLUMNS.planId]: `=${PLAN_ID}&""`,
    [PLAN_COLUMNS.personId]: `=${PERSON_ID}&""`,
    [PLAN_COLUMNS.careGroup]: `=${CARE_GROUP}&""`,
    [PLAN_COLUMNS.status]: `=${status}&""`,
    [PLAN_COLUMNS.leftOut]: `=${isPlan}*(${unusable.join("+")}>0)`,
    [PLAN_COLUMNS.committed]: `=(${status}=${quoted(AGREED)})*${running}*${usable}`,
    [PLAN_COLUMNS.startingLater]: `=(${status}=${quoted(AGREED)})*(${start}>${end})*${usable}`,
    [PLAN_COLUMNS.pipeline]: `=(${notYetAgreed})*${running}*${usable}`,
    [PLAN_COLUMNS.inYearTotal]: `=${COMMITMENT_PARTS.map((part) => spills.inYear[part]).join("+")}`,
    [PLAN_COLUMNS.partsLessCost]: `=${COMMITMENT_PARTS.map((part) => PLAN_PART[part]).join("+")}-${PLAN_COST}`,
    [PLAN_COLUMNS.contribution]: contributionFormula(layout),
  };
  MANAGED_AS.forEach((way, at) => {
    formulas[PLAN_COLUMNS.inYear + at] = `=PB.IN_YEAR_COST(${PLAN_PART[way]},${start},${finish},${counting},${end})`;
  });
  // One-off items count in full for a plan starting in the rest of the year.
  formulas[PLAN_COLUMNS.inYear + MANAGED_AS.length] =
    `=(${start}>=${counting})*(${start}<=${end})*${PLAN_PART["One-off items"]}`;

  // Formats first, below the formulas' row, so each spilled formula finds its cells ready.
  const rows = Math.max(1, Math.min(plans + SPARE_ROWS, FORMATTED_ROWS));
  for (let row = first + 1; row < first + rows; row++) {
    for (let column = PLAN_COLUMNS.inYear; column <= PLAN_COLUMNS.contribution; column++) {
      cells.put(row, column, { numberFormat: MONEY_FORMAT });
    }
  }
  for (const [column, formula] of Object.entries(formulas)) {
    const at = Number(column);
    const money = at >= PLAN_COLUMNS.inYear;
    cells.put(first, at, money ? { formula, numberFormat: MONEY_FORMAT } : { formula });
  }
}

/** A3: how many plans are left out of every figure, and which, in words. */
export function writeLeftOutNote(cells: Cells, layout: FinanceLayout): void {
  const { leftOut, planId } = planSpills(layout);
  const count = `SUM(${leftOut})`;
  const note =
    `=IF(${count}=0,"Every plan in Plans can be used: none is left out of the figures.",` +
    `IF(${count}=1,"1 plan is",${count}&" plans are")&" left out of every figure: "&` +
    `TEXTJOIN(", ",1,FILTER(${planId},${leftOut}))&". Each needs a start date, an end date (if any) on or ` +
    `after it, and amounts that are numbers, 0 or more; its row under Each plan, at the foot of this sheet, shows ` +
    `it, and the Finance view says why.")`;
  cells.put(layout.leftOutNote.row, layout.leftOutNote.column, { formula: note, bold: true });
}
