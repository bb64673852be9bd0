// The Finance sheet's commitment blocks, by care group: the people with plans in the commitment (each counted
// once), the full-year commitment against the budget for the year, the in-year commitment, the pipeline and the
// Agreed plans starting after the year. Every figure is SUMIFS, COUNTIFS or SUMPRODUCT over the Plans table and the
// per-plan block's flags and in-year amounts (perPlan.ts); "All care groups" adds up the rows above it.
import { COMMITMENT_PARTS, CommitmentPart, PIPELINE_STATUSES } from "../../../engine";
import { MONEY_FORMAT, PERCENT_FORMAT } from "../../schema/columns";
import { FINANCE_COLUMNS, FinanceLayout } from "./layout";
import { CARE_GROUP, PERSON_ID, PLAN_COST, PLAN_PART, planSpills } from "./perPlan";
import { budgetSum } from "./budgets";
import { byCareGroup, Cells, Column, COUNT_FORMAT, fixed, ref, Scope, scopeCriteria, scopeMask } from "./sheetCells";

const PARTS = COMMITMENT_PARTS.length;

/**
 * People with a plan flagged 1 in `flag` (and an amount in `part`), each counted once: every such plan adds 1 ÷ the
 * number of such plans of the same person in the row's scope. A plan not counted adds 0 ÷ 1.
 */
function peopleCounted(flag: string, part: CommitmentPart | null, scope: Scope): string {
  const counted = `(${flag}=1)${part ? `*(${PLAN_PART[part]}>0)` : ""}${scopeMask(CARE_GROUP, scope)}`;
  const inPart = part ? `,${PLAN_PART[part]},">0"` : "";
  const same = `COUNTIFS(${PERSON_ID},${PERSON_ID}&"",${flag},1${inPart}${scopeCriteria(CARE_GROUP, scope)})`;
  return `=ROUND(SUMPRODUCT(${counted}/(${same}+1-${counted})),0)`;
}

export interface CommitmentBlocksOptions {
  readonly careGroups: readonly string[];
  /** Whether the Budgets table has a Financial year column: then each row's budget is for its year. */
  readonly budgetYears: boolean;
}

/** Writes the people, full-year, check, in-year, pipeline and starting-later blocks. */
export function writeCommitment(cells: Cells, layout: FinanceLayout, options: CommitmentBlocksOptions): void {
  const groups = options.careGroups;
  const flags = planSpills(layout);
  const yearLabel = options.budgetYears ? fixed(layout.inputs.yearLabel.row, layout.inputs.yearLabel.column) : null;
  const partColumns = (format: string, figure: (part: CommitmentPart, scope: Scope) => string): Column[] =>
    COMMITMENT_PARTS.map((part) => ({ heading: part, format, figure: { scoped: (scope) => figure(part, scope) } }));

  cells.text(
    layout.sections.commitment,
    0,
    "Commitment in the year: Agreed plans started by its last day and not ended before the in-year commitment " +
      "counts from",
    true,
  );
  byCareGroup(cells, layout.people, groups, "People with Agreed plans, each counted once, by how money is managed", [
    ...COMMITMENT_PARTS.map((part) => ({
      heading: part,
      format: COUNT_FORMAT,
      figure: { scoped: (scope: Scope) => peopleCounted(flags.committed, part, scope), all: "own" as const },
    })),
    {
      heading: "All people",
      format: COUNT_FORMAT,
      // Stryker disable next-line StringLiteral: byCareGroup gives any "all" but "sum" its own formula, "" too
      figure: { scoped: (scope) => peopleCounted(flags.committed, null, scope), all: "own" },
    },
  ]);

  const [total, budget] = [PARTS + 1, PARTS + 2];
  // Added with "+", which passes an error on in every engine (the preview's SUM skips one).
  const sumOfParts = {
    row: (row: number) => `=${Array.from({ length: PARTS }, (_, at) => ref(row, 1 + at)).join("+")}`,
  };
  const [fullYearTotal, budgetHeading, varianceHeading, committedHeading] = FINANCE_COLUMNS.fullYear.slice(PARTS);
  byCareGroup(cells, layout.fullYear, groups, "Full-year commitment: what those plans cost a year", [
    ...partColumns(MONEY_FORMAT, (part, scope) => `=SUMIFS(${PLAN_PART[part]},${flags.committed},1${scopeOf(scope)})`),
    { heading: fullYearTotal, format: MONEY_FORMAT, figure: sumOfParts },
    { heading: budgetHeading, format: MONEY_FORMAT, figure: { scoped: (scope) => `=${budgetSum(scope, yearLabel)}` } },
    {
      heading: varianceHeading,
      format: MONEY_FORMAT,
      figure: { row: (row) => `=${ref(row, budget)}-${ref(row, total)}` },
    },
    {
      heading: committedHeading,
      format: PERCENT_FORMAT,
      figure: { row: (row) => `=IF(${ref(row, budget)}=0,"",${ref(row, total)}/${ref(row, budget)})` },
    },
  ]);
  cells.text(layout.check.row, 0, "Check: plans whose parts do not add up to their plan cost (0 when right)");
  // More than the 2p the parts' own rounding can make; plans left out are named above instead.
  const check = [`">0.025"`, `"<-0.025"`]
    .map((criterion) => `COUNTIFS(${flags.partsLessCost},${criterion},${flags.leftOut},0)`)
    .join("+");
  cells.put(layout.check.row, layout.check.column, { formula: `=${check}`, numberFormat: COUNT_FORMAT });

  cells.text(layout.sections.inYear, 0, "In-year commitment: from the as-at date to the year's end", true);
  byCareGroup(
    cells,
    layout.inYear,
    groups,
    "Each plan's in-year amount (Each plan, below: PB.IN_YEAR_COST, to the penny per plan and part), added up",
    [
      ...partColumns(
        MONEY_FORMAT,
        (part, scope) => `=SUMIFS(${flags.inYear[part]},${flags.committed},1${scopeOf(scope)})`,
      ),
      { heading: "In-year commitment", format: MONEY_FORMAT, figure: sumOfParts },
    ],
  );

  const fullYearRow = (first: number, row: number) => row - first + layout.fullYear.first;
  const pipeline = layout.pipeline;
  const [plansHeading, costHeading, withPipelineHeading, ifAgreedHeading] = FINANCE_COLUMNS.pipeline;
  byCareGroup(
    cells,
    pipeline,
    groups,
    `Pipeline: plans not yet agreed (${PIPELINE_STATUSES.join(" or ")}) running in the year`,
    [
      {
        heading: plansHeading,
        format: COUNT_FORMAT,
        figure: { scoped: (scope) => `=COUNTIFS(${flags.pipeline},1${scopeOf(scope)})` },
      },
      {
        heading: costHeading,
        format: MONEY_FORMAT,
        figure: { scoped: (scope) => `=SUMIFS(${PLAN_COST},${flags.pipeline},1${scopeOf(scope)})` },
      },
      {
        heading: withPipelineHeading,
        format: MONEY_FORMAT,
        figure: { row: (row) => `=${ref(fullYearRow(pipeline.first, row), total)}+${ref(row, 2)}` },
      },
      {
        heading: ifAgreedHeading,
        format: PERCENT_FORMAT,
        figure: {
          row: (row) => {
            const rowBudget = ref(fullYearRow(pipeline.first, row), budget);
            return `=IF(${rowBudget}=0,"",${ref(row, 3)}/${rowBudget})`;
          },
        },
      },
    ],
  );

  const [laterPeople, laterCost] = FINANCE_COLUMNS.startingLater;
  byCareGroup(
    cells,
    layout.startingLater,
    groups,
    "Agreed, starting later: plans starting after the year's last day, in no figure of this year",
    [
      {
        heading: laterPeople,
        format: COUNT_FORMAT,
        // Stryker disable next-line StringLiteral: byCareGroup gives any "all" but "sum" its own formula, "" too
        figure: { scoped: (scope) => peopleCounted(flags.startingLater, null, scope), all: "own" },
      },
      {
        heading: laterCost,
        format: MONEY_FORMAT,
        figure: { scoped: (scope) => `=SUMIFS(${PLAN_COST},${flags.startingLater},1${scopeOf(scope)})` },
      },
    ],
  );
}

/** The Plans table's care groups kept to a scope. */
const scopeOf = (scope: Scope) => scopeCriteria(CARE_GROUP, scope);

/**
 * The full-year commitment with what people contribute to it and the net (26 §5): each committed plan's contribution
 * a year (Each plan, below: the smaller of its cost and the person's weekly charge × the weeks in a year, to the
 * penny) added up by care group; the net is the commitment less it.
 */
export function writeContributions(cells: Cells, layout: FinanceLayout, careGroups: readonly string[]): void {
  const flags = planSpills(layout);
  const block = layout.contributions;
  const total = PARTS + 1;
  const [gross, paid, net] = FINANCE_COLUMNS.contributions;
  // #N/A on every row while the weeks in a year cannot be used (the pane then gives no contributions either); all
  // care groups is its own SUMIFS, not a SUM of the rows, which the preview's SUM would pass an error over.
  const weeks = fixed(layout.inputs.weeksInYear.row, layout.inputs.weeksInYear.column);
  const paidIn = (scope: Scope) =>
    `=IF(ISNUMBER(${weeks}),SUMIFS(${flags.contribution},${flags.committed},1${scopeOf(scope)}),NA())`;
  byCareGroup(
    cells,
    block,
    careGroups,
    "What people contribute: each committed plan's person pays the smaller of its cost and their weekly charge a " +
      "year (the charge × the weeks in a year); the council is committed to the rest",
    [
      {
        heading: gross,
        format: MONEY_FORMAT,
        figure: { row: (row) => `=${ref(row - block.first + layout.fullYear.first, total)}` },
      },
      {
        heading: paid,
        format: MONEY_FORMAT,
        // Stryker disable next-line StringLiteral: byCareGroup gives any "all" but "sum" its own formula, "" too
        figure: { scoped: paidIn, all: "own" },
      },
      { heading: net, format: MONEY_FORMAT, figure: { row: (row) => `=${ref(row, 1)}-${ref(row, 2)}` } },
    ],
  );
}
