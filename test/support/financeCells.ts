// The Finance sheet's figures cell by cell as the engine works them out (what the pane shows), and a cell as a
// calculating engine (HyperFormula, the preview's, Excel) shows it, to compare with figures worked out by hand.
import {
  COMMITMENT_PARTS,
  CommitmentPeriod,
  Decimal,
  inYearPart,
  leftOutReason,
  MANAGED_AS,
  PlanRecord,
  planContribution,
  planStanding,
} from "../../src/engine";
import { a1, CellAddress } from "../../src/workbook/port";
import { Block, FinanceLayout, PLAN_COLUMNS } from "../../src/workbook/reports/finance";
import { FinanceFigures } from "../../src/workbook/reports/financeBook";

/** How a cell is compared: money to the penny, ratios to six places, counts and text exactly. */
export type Kind = "money" | "ratio" | "count" | "text";
export interface ExpectedCell {
  readonly address: string;
  readonly kind: Kind;
  /** null: the cell shows an error (the engine cannot work the figure out either). "": shown blank. */
  readonly value: string | number | null;
}

const money = (value: Decimal | null) => (value === null ? null : value.toFixed(2));
const ratio = (value: Decimal | null) => (value === null ? "" : value.toFixed(6));

/** A cell's calculated value as a comparable figure; an error is null. */
export function comparable(kind: Kind, value: unknown): string | number | null {
  if (typeof value === "string" && value.startsWith("#")) return null;
  if (kind === "text") return value as string;
  if (value === "" || value === null) return "";
  if (typeof value !== "number") return null;
  if (kind === "count") return value;
  return kind === "money" ? value.toFixed(2) : value.toFixed(6);
}

/** Every figure of the sheet with the address it is in. */
export function expectedCells(figures: FinanceFigures, layout: FinanceLayout): ExpectedCell[] {
  const cells: ExpectedCell[] = [];
  const put = (at: CellAddress, kind: Kind, value: string | number | null) =>
    cells.push({ address: a1(at), kind, value });
  const rowsOf = <T>(block: Block, rows: readonly T[], each: (row: T, at: (column: number) => CellAddress) => void) =>
    rows.forEach((row, index) => each(row, (column) => ({ row: block.first + index, column })));
  const { rows, pipeline, startingLater } = figures.commitment;

  rowsOf(layout.people, rows, (row, at) => {
    put(at(0), "text", row.careGroup);
    COMMITMENT_PARTS.forEach((part, index) => put(at(1 + index), "count", row.people[part]));
    put(at(1 + COMMITMENT_PARTS.length), "count", row.people.total);
  });
  const parts = COMMITMENT_PARTS.length;
  rowsOf(layout.fullYear, rows, (row, at) => {
    COMMITMENT_PARTS.forEach((part, index) => put(at(1 + index), "money", money(row.fullYear[part])));
    put(at(parts + 1), "money", money(row.fullYear.total));
    put(at(parts + 2), "money", money(row.budget));
    put(at(parts + 3), "money", money(row.variance));
    put(at(parts + 4), "ratio", ratio(row.committed));
  });
  // What people contribute (26 §5): #N/A while the weeks in a year cannot be used, beside the full-year commitment.
  rowsOf(layout.contributions, rows, (row, at) => {
    const paid = figures.contributions?.find((candidate) => candidate.careGroup === row.careGroup) ?? null;
    put(at(1), "money", money(row.fullYear.total));
    put(at(2), "money", paid && money(paid.contributions));
    put(at(3), "money", paid && money(paid.net));
  });
  rowsOf(layout.inYear, rows, (row, at) => {
    COMMITMENT_PARTS.forEach((part, index) => put(at(1 + index), "money", money(row.inYear[part])));
    put(at(parts + 1), "money", money(row.inYear.total));
  });
  rowsOf(layout.pipeline, pipeline, (row, at) => {
    const commitment = rows.find((candidate) => candidate.careGroup === row.careGroup)!;
    put(at(1), "count", row.plans);
    put(at(2), "money", money(row.fullYear));
    put(at(3), "money", money(commitment.fullYear.total.plus(row.fullYear)));
    put(at(4), "ratio", ratio(row.committedIfAgreed));
  });
  rowsOf(layout.startingLater, startingLater, (row, at) => {
    put(at(1), "count", row.people);
    put(at(2), "money", money(row.fullYear));
  });
  const { services, other, total } = figures.spending;
  rowsOf(layout.services, [...services, other], (service, at) => {
    put(at(0), "text", service.service);
    put(at(1), "money", money(service.total));
    put(at(2), "ratio", ratio(service.share));
    MANAGED_AS.forEach((way, index) => put(at(3 + index), "money", money(service.managed[way])));
  });
  put({ row: layout.services.last, column: 1 }, "money", money(total));
  rowsOf(layout.indicative, figures.indicative, (row, at) => {
    put(at(1), "count", row.people);
    put(at(2), "count", row.notPriced);
    put(at(3), "money", money(row.cohortIndicative));
    put(at(4), "count", row.agreedPeople);
    put(at(5), "money", money(row.agreedIndicative));
    put(at(6), "money", money(row.agreedCost));
    put(at(7), "ratio", ratio(row.difference));
  });
  rowsOf(layout.forecast, figures.forecast, (row, at) => {
    put(at(1), "money", money(row.thisYear));
    row.years.forEach((year, index) => put(at(2 + index), "money", money(year)));
    put(at(2 + row.years.length), "money", money(row.budget));
  });
  return cells;
}

/**
 * The per-plan block, a row per row of Plans (`rows`: the table's rows, an empty one being null): what each plan
 * counts as (1 or 0) and, for a plan not left out, its in-year amount by part and in all, as PB.IN_YEAR_COST gives
 * it (a left-out plan's show the error that says why, not compared here).
 */
export function expectedPlanCells(
  rows: readonly (PlanRecord | null)[],
  period: CommitmentPeriod,
  layout: FinanceLayout,
  weeksInYear: Decimal | null = new Decimal(52),
): ExpectedCell[] {
  const cells: ExpectedCell[] = [];
  rows.forEach((plan, index) => {
    const row = layout.plans.first + index;
    const put = (column: number, kind: Kind, value: string | number | null) =>
      cells.push({ address: a1({ row, column }), kind, value });
    if (plan === null) {
      put(PLAN_COLUMNS.planId, "text", "");
      [PLAN_COLUMNS.leftOut, PLAN_COLUMNS.committed, PLAN_COLUMNS.startingLater, PLAN_COLUMNS.pipeline].forEach(
        (column) => put(column, "count", 0),
      );
      return;
    }
    const standing = planStanding(plan, period);
    put(PLAN_COLUMNS.planId, "text", plan.planId);
    put(PLAN_COLUMNS.personId, "text", plan.personId);
    put(PLAN_COLUMNS.careGroup, "text", plan.careGroup);
    put(PLAN_COLUMNS.status, "text", plan.status);
    put(PLAN_COLUMNS.leftOut, "count", standing === "leftOut" ? 1 : 0);
    put(PLAN_COLUMNS.committed, "count", standing === "committed" ? 1 : 0);
    put(PLAN_COLUMNS.startingLater, "count", standing === "startingLater" ? 1 : 0);
    put(PLAN_COLUMNS.pipeline, "count", standing === "pipeline" ? 1 : 0);
    if (leftOutReason(plan) !== null) return;
    put(PLAN_COLUMNS.contribution, "money", weeksInYear && money(planContribution(plan, weeksInYear)));
    const parts = COMMITMENT_PARTS.map((part) => inYearPart(plan, part, period));
    parts.forEach((amount, at) => put(PLAN_COLUMNS.inYear + at, "money", money(amount)));
    put(PLAN_COLUMNS.inYearTotal, "money", money(parts.reduce((sum, amount) => sum.plus(amount), new Decimal(0))));
  });
  return cells;
}

/** The same cells as a calculating engine shows them. */
export function shownCells(expected: readonly ExpectedCell[], read: (address: string) => unknown): ExpectedCell[] {
  return expected.map(({ address, kind }) => ({ address, kind, value: comparable(kind, read(address)) }));
}
