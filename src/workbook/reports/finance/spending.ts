// The Finance sheet's spending blocks: what people spend their budgets on (the lines of the plans in the
// commitment, by service, largest first) and the RAS's indicative budgets against what those plans commit.
// SUMPRODUCT here multiplies plain cells: PlanLines' amounts by a COUNTIFS joining each line to its plan's flag in
// the per-plan block (a range given as a criterion gives one count per cell, as Excel documents), never a custom
// function's result.
import { MANAGED_AS, OTHER_SERVICES } from "../../../engine";
import { MONEY_FORMAT, PERCENT_FORMAT } from "../../schema/columns";
import { PEOPLE, PLAN_LINES } from "../../schema/tables";
import { FINANCE_COLUMNS, FinanceLayout } from "./layout";
import { CARE_GROUP, INDICATIVE, PLAN_COST, PLAN_ID, planSpills } from "./perPlan";
import {
  byCareGroup,
  Cells,
  COUNT_FORMAT,
  down,
  fixed,
  fixedDown,
  label,
  quoted,
  ref,
  Scope,
  scopeCriteria,
} from "./sheetCells";

const lines = (header: string) => `${PLAN_LINES.name}[${header}]`;
const people = (header: string) => `${PEOPLE.name}[${header}]`;
const PEOPLE_GROUP = people(PEOPLE.columns.careGroup.header);
const PEOPLE_BUDGET = people(PEOPLE.columns.indicativeBudget.header);

/**
 * What people spend their budgets on: each service's lines of plans in the commitment, in the order given, with a
 * rank (equal totals in that order), and the same listed largest first by INDEX/MATCH on the rank, with the share of
 * the total.
 */
export function writeServices(cells: Cells, layout: FinanceLayout, services: readonly string[]): void {
  const { committed } = planSpills(layout);
  /** For each line of PlanLines, 1 when its plan is in the commitment, else 0: the join of lines to plans. */
  const inCommitment = `COUNTIFS(${PLAN_ID},${lines(PLAN_LINES.columns.planId.header)},${committed},1)`;
  /** The committed plans' lines of one service (or all), managed one way (or any), a year. */
  const spend = (service: string | null, way: string | null) => {
    const mask = [lines(PLAN_LINES.columns.annualCost.header)];
    if (service !== null) mask.push(`(${lines(PLAN_LINES.columns.service.header)}=${service})`);
    if (way !== null) mask.push(`(${lines(PLAN_LINES.columns.managedAs.header)}=${quoted(way)})`);
    return `=ROUND(SUMPRODUCT(${mask.join("*")}*${inCommitment}),2)`;
  };
  const totals = layout.serviceTotals;
  const ranked = layout.services;
  const [other, all] = [ranked.last - 1, ranked.last];
  const rankColumn = FINANCE_COLUMNS.serviceTotals.length;
  const column = (at: number) => fixedDown(at, totals.first, totals.last);

  cells.text(totals.title, 0, "Agreed plans' lines by service, in the catalogue's order, with each one's rank", true);
  cells.headings(totals, "Service", FINANCE_COLUMNS.serviceTotals);
  services.forEach((service, index) => {
    const row = totals.first + index;
    cells.text(row, 0, service);
    cells.put(row, 1, { formula: spend(label(row), null), numberFormat: MONEY_FORMAT });
    MANAGED_AS.forEach((way, at) =>
      cells.put(row, 2 + at, { formula: spend(label(row), way), numberFormat: MONEY_FORMAT }),
    );
    const own = ref(row, 1);
    const rank = `=COUNTIFS(${column(1)},">"&${own})+COUNTIFS(${fixed(totals.first, 1)}:${own},${own})`;
    cells.put(row, rankColumn, { formula: rank, numberFormat: COUNT_FORMAT });
  });

  cells.text(
    ranked.title,
    0,
    "What people spend their budgets on: Agreed plans' lines by service, largest first",
    true,
  );
  cells.headings(ranked, "Service", FINANCE_COLUMNS.services);
  const share = (row: number) => `=IF(${fixed(all, 1)}=0,"",${ref(row, 1)}/${fixed(all, 1)})`;
  const money = (row: number, at: number, formula: string, bold = false) =>
    cells.put(row, at, bold ? { formula, numberFormat: MONEY_FORMAT, bold } : { formula, numberFormat: MONEY_FORMAT });
  services.forEach((_, index) => {
    const row = ranked.first + index;
    const match = `MATCH(${index + 1},${column(rankColumn)},0)`;
    cells.put(row, 0, { formula: `=INDEX(${column(0)},${match})` });
    money(row, 1, `=INDEX(${column(1)},${match})`);
    cells.put(row, 2, { formula: share(row), numberFormat: PERCENT_FORMAT });
    MANAGED_AS.forEach((_, at) => money(row, 3 + at, `=INDEX(${column(2 + at)},${match})`));
  });
  const otherOf = (at: number) =>
    services.length === 0 ? `=${ref(all, at)}` : `=ROUND(${ref(all, at)}-SUM(${down(at, ranked.first, other - 1)}),2)`;
  cells.text(other, 0, OTHER_SERVICES);
  money(other, 1, otherOf(1));
  cells.put(other, 2, { formula: share(other), numberFormat: PERCENT_FORMAT });
  MANAGED_AS.forEach((_, at) => money(other, 3 + at, otherOf(3 + at)));
  cells.text(all, 0, "All services", true);
  money(all, 1, spend(null, null), true);
  cells.put(all, 2, { formula: share(all), numberFormat: PERCENT_FORMAT, bold: true });
  MANAGED_AS.forEach((way, at) => money(all, 3 + at, spend(null, way), true));
}

/** The RAS's own commitment (the cohort's indicative budgets) beside what the committed plans actually commit. */
export function writeIndicative(cells: Cells, layout: FinanceLayout, careGroups: readonly string[]): void {
  const { committed } = planSpills(layout);
  const block = layout.indicative;
  const peopleRow = (row: number) => row - block.first + layout.people.first;
  const [peopleHeading, notPriced, indicative, withPlans, theirIndicative, theirCost, against] =
    FINANCE_COLUMNS.indicative;
  /** People's own figures: "Other care groups" is all less the groups listed (a blank row of People is no one). */
  const ofPeople = (figure: (careGroup: string | null, row: number) => string) => ({
    scoped: (scope: Scope, row: number) => figure(scope.kind === "group" ? scope.cell : null, row),
    all: "own" as const,
    other: "difference" as const,
  });
  const committedSum = (column: string) => ({
    scoped: (scope: Scope) => `=SUMIFS(${column},${committed},1${scopeCriteria(CARE_GROUP, scope)})`,
  });
  byCareGroup(cells, block, careGroups, "Indicative budgets against plans: what the RAS commits, what plans commit", [
    {
      heading: peopleHeading,
      format: COUNT_FORMAT,
      figure: ofPeople((careGroup) =>
        careGroup === null ? `=COUNTA(${PEOPLE_GROUP})` : `=COUNTIFS(${PEOPLE_GROUP},${careGroup})`,
      ),
    },
    {
      heading: notPriced,
      format: COUNT_FORMAT,
      // An assessment in progress shows #N/A, which no criterion meets.
      figure: ofPeople((careGroup, row) =>
        careGroup === null
          ? `=${ref(row, 1)}-COUNTIFS(${PEOPLE_BUDGET},">=0")`
          : `=${ref(row, 1)}-COUNTIFS(${PEOPLE_GROUP},${careGroup},${PEOPLE_BUDGET},">=0")`,
      ),
    },
    {
      heading: indicative,
      format: MONEY_FORMAT,
      figure: ofPeople((careGroup) =>
        careGroup === null
          ? `=SUMIFS(${PEOPLE_BUDGET},${PEOPLE_BUDGET},">=0")`
          : `=SUMIFS(${PEOPLE_BUDGET},${PEOPLE_GROUP},${careGroup},${PEOPLE_BUDGET},">=0")`,
      ),
    },
    {
      heading: withPlans,
      format: COUNT_FORMAT,
      figure: { row: (row) => `=${ref(peopleRow(row), FINANCE_COLUMNS.people.length)}` },
    },
    { heading: theirIndicative, format: MONEY_FORMAT, figure: committedSum(INDICATIVE) },
    { heading: theirCost, format: MONEY_FORMAT, figure: committedSum(PLAN_COST) },
    {
      heading: against,
      format: PERCENT_FORMAT,
      figure: { row: (row) => `=IF(${ref(row, 5)}=0,"",${ref(row, 6)}/${ref(row, 5)}-1)` },
    },
  ]);
}
