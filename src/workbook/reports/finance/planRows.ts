// The Plans table read for the finance figures: every row that is a plan (it has a Plan ID or a status), as the
// Finance sheet's per-plan block reads it. A date must be an Excel date and an amount a number 0 or more (a blank
// amount is £0): a cell the sheet's formulas cannot compare as one, such as text that looks like a date, makes the
// plan unreadable, and it is left out of every figure and named, as the sheet leaves it out.
import {
  Cell,
  Decimal,
  describeCell,
  isBlank,
  label,
  listForMessage,
  MANAGED_AS,
  ManagedAs,
  matchKey,
  PlanRecord,
  ZERO,
} from "../../../engine";
import { TableData } from "../../port";
import { headerIndex, WorkbookProblem } from "../../schema/rows";
import { PLANS } from "../../schema/tables";
import { AMOUNT_LIMIT, LAST_SERIAL } from "./perPlan";

const C = PLANS.columns;
const TEXT_COLUMNS = { planId: C.planId, personId: C.personId, careGroup: C.careGroup, status: C.status } as const;
const MONEY_COLUMNS = {
  indicativeAnnual: C.indicativeAnnual,
  annual: C.annual,
  oneOff: C.oneOff,
  ...Object.fromEntries(MANAGED_AS.map((way) => [way, C[`${way} (annual)`]])),
} as unknown as Record<"indicativeAnnual" | "annual" | "oneOff" | ManagedAs, { header: string }>;

/** A date cell: null when blank; else a whole day of Excel's calendar, or why not. */
function dateOf(cell: Cell, header: string): { day: number | null } | { problem: string } {
  // Stryker disable next-line ObjectLiteral: equivalent; the caller reads a result without a day as null, as here
  if (isBlank(cell)) return { day: null };
  if (typeof cell === "number" && cell >= 1 && cell <= LAST_SERIAL) return { day: Math.floor(cell) };
  const kind = typeof cell === "string" ? "text" : "a value";
  return { problem: `its ${header} holds ${kind} (${describeCell(cell)}), not a date: type it as a date` };
}

/** An amount cell: a number 0 or more, a blank being £0; or why not. */
function amountOf(cell: Cell, header: string): { amount: Decimal } | { problem: string } {
  // Stryker disable next-line ObjectLiteral: equivalent; the callers read a result without an amount as £0, as here
  if (isBlank(cell)) return { amount: ZERO };
  if (typeof cell === "number" && cell >= 0 && cell <= AMOUNT_LIMIT) return { amount: new Decimal(cell) };
  return { problem: `its ${header} holds ${describeCell(cell)}, not an amount in £, 0 or more` };
}

/** Every plan of the Plans table, in its order; a plan whose cells cannot be read says why (`unreadable`). */
export function readFinancePlans(data: TableData): PlanRecord[] {
  const index = headerIndex(data);
  const wanted = [...Object.values(TEXT_COLUMNS), C.startDate, C.endDate, ...Object.values(MONEY_COLUMNS)];
  const missing = wanted.filter((column) => !index.has(matchKey(column.header))).map((column) => column.header);
  if (missing.length > 0) {
    const dates = missing.every((header) => header === C.startDate.header || header === C.endDate.header);
    throw new WorkbookProblem(
      `The Plans table has no ${listForMessage(missing)} column${missing.length > 1 ? "s" : ""}, which the finance ` +
        "figures need" +
        (dates
          ? ": open any plan in the Support plan view and save it, and the columns are added."
          : `: add ${missing.length > 1 ? "them" : "it"} back, with ${missing.length > 1 ? "their" : "its"} heading.`),
    );
  }
  const at = (row: readonly Cell[], column: { header: string }) => row[index.get(matchKey(column.header))!];
  // The person's charge (26 §5), a column added later: an older table has none, and every plan no charge.
  const hasCharge = index.has(matchKey(C.weeklyCharge.header));
  const plans: PlanRecord[] = [];
  for (const row of data.rows) {
    const text = Object.fromEntries(
      Object.entries(TEXT_COLUMNS).map(([field, column]) => [field, label(at(row, column))]),
    ) as Record<keyof typeof TEXT_COLUMNS, string>;
    if (text.planId === "" && text.status === "") continue; // an empty row of the table
    const problems: string[] = [];
    const [start, end] = [C.startDate, C.endDate].map((column) => {
      const read = dateOf(at(row, column), column.header);
      if ("problem" in read) problems.push(read.problem);
      return "day" in read ? read.day : null;
    });
    const amounts = Object.fromEntries(
      Object.entries(MONEY_COLUMNS).map(([field, column]) => {
        const read = amountOf(at(row, column), column.header);
        if ("problem" in read) problems.push(read.problem);
        return [field, "amount" in read ? read.amount : ZERO];
      }),
    ) as Record<keyof typeof MONEY_COLUMNS, Decimal>;
    // Stryker disable next-line ObjectLiteral: equivalent; a charge without an amount is read as £0 below, as here
    const charge = hasCharge ? amountOf(at(row, C.weeklyCharge), C.weeklyCharge.header) : { amount: ZERO };
    if ("problem" in charge) problems.push(charge.problem);
    plans.push({
      ...text,
      start,
      end,
      weeklyCharge: "amount" in charge ? charge.amount : ZERO,
      managed: Object.fromEntries(MANAGED_AS.map((way) => [way, amounts[way]])) as Record<ManagedAs, Decimal>,
      oneOff: amounts.oneOff,
      indicativeAnnual: amounts.indicativeAnnual,
      annual: amounts.annual,
      ...(problems.length > 0 ? { unreadable: problems.join("; ") } : {}),
    });
  }
  return plans;
}
