// Opening and saving one plan: its row in Plans and its lines in PlanLines. Only the plan's own rows are
// read closely and written; every other row, and every column of the user's own, is left as it is.
import {
  agreeingOverlaps,
  Cell,
  checkLine,
  DatedPlan,
  DateField,
  Decimal,
  formatDate,
  isoFromSerial,
  LineFields,
  lineAnnualCost,
  listForMessage,
  MANAGED_AS,
  matchKey,
  planDates,
  planFigures,
  PlanFigures,
  planCharge,
  PlanCharge,
  planProblems,
  PLAN_STATUSES,
  PlanStatus,
  decisionRecord,
  SavedSignOff,
  serialFromIso,
  SupportPlanLine,
  Tolerance,
  whenPlanRuns,
} from "../../engine";
import { KeyRowsChanged, TableData, TableEdit, Workbook } from "../port";
import { fieldsOf, headerIndex, readRows, requireColumns, RowOf, tableEdit, WorkbookProblem } from "../schema/rows";
import { ManagedColumn, PLAN_LINES, PLANS } from "../schema/tables";
import { assess, Person, PlanBook } from "./book";
import { asRead, checkSinceRead, nextPlanId, PlanSeen, planSeen, readBackSaved, SAVE_ATTEMPTS } from "./colleagues";
import { requireTable, rowsWhere } from "./tables";

/**
 * When a plan runs: ISO dates ("2026-04-01"); a blank end date means ongoing. Saving fills a blank start
 * (the day it is saved) and review date (12 months after the start), by the engine's rule (planDates).
 */
export type PlanDates = Readonly<Record<DateField, string | null>>;

/** What a plan records besides its lines: its status and the decision behind it. */
export interface PlanDecision {
  readonly status: PlanStatus;
  readonly reason: string;
  readonly signedOffBy: string;
  /** What the plan is for, and who the person contacts about it, for the copy they are given; absent: kept as is. */
  readonly outcomes?: string;
  readonly contact?: string;
}

/**
 * A line's own row in PlanLines, by its Line number there when it was opened or last saved: a save writes the line
 * back into that row (so a column of the user's, notes say, stays beside its line). Null or absent: a new line.
 */
export interface LineKey {
  readonly savedLine?: number | null;
}

/** A saved plan as the workbook holds it. Its lines are the cells as they are, for the pane to check. */
export interface OpenedPlan extends PlanDates, PlanDecision {
  readonly planId: string;
  readonly personId: string;
  /** The person's assessed charge a week; null (or absent, in an older Plans table): none. */
  readonly weeklyCharge?: Decimal | null;
  readonly lines: readonly (LineFields & LineKey)[];
  readonly updatedBy: string;
  /** "2026-11-24T14:05", or null when the row has none. */
  readonly updatedAt: string | null;
  /** Its rows as read, for a save to find as they were (SaveOptions.seen). */
  readonly seen?: PlanSeen;
}

/** A plan ready to be saved: checked lines, and null for a plan not yet saved. */
export interface PlanToSave extends PlanDates, PlanDecision {
  readonly planId: string | null;
  readonly personId: string;
  /** The person's assessed charge a week: null, none; absent, the Plans row's cell is left as it is. */
  readonly weeklyCharge?: Decimal | null;
  readonly lines: readonly (SupportPlanLine & LineKey)[];
  readonly updatedBy: string;
}

/** A plan as it was saved: its id, its dates, when, and the figures written beside its lines. */
export interface SavedPlan extends PlanToSave {
  readonly planId: string;
  readonly startDate: string;
  readonly reviewDate: string;
  readonly updatedAt: string;
  readonly figures: PlanFigures;
  /** Its lines in order, each with the Line number it now has in PlanLines. */
  readonly lines: readonly (SupportPlanLine & { readonly savedLine: number })[];
  /** The day the sign-off was given (ISO), or null without one. */
  readonly signedOffOn: string | null;
  /** The tolerance the light was given under, recorded with the plan. */
  readonly tolerance: Tolerance;
  /** Earlier Agreed plans of the person that were ended the day before this one starts. */
  readonly ended: readonly { readonly planId: string; readonly endDate: string }[];
  /** The plan's rows as read back after the save, for the next save to find as they were; absent if unread. */
  readonly seen?: PlanSeen;
  /** The ID the save first wrote, when a colleague's save of the same moment took it and this plan was renumbered. */
  readonly renumberedFrom?: string;
  /** Saved, but something for the user to see to: the same moment's other save of its ID could not be checked. */
  readonly warning?: string;
  /** The plan's figures split by the person's charge, over the workbook's weeks in a year; null without a charge. */
  readonly charge: PlanCharge | null;
}

/** What a save knows of what the pane read, so nothing another person wrote since is saved over. */
export interface SaveOptions {
  /** Earlier Agreed plans to end the day before this one starts (AgreedPlansOverlap). */
  readonly endEarlier?: readonly string[];
  /** A saved plan's rows as the pane read them (opening or last saving it); else as this save first reads them. */
  readonly seen?: PlanSeen;
  /** A new plan's person's plans as the pane knew them (their IDs); else as this save first reads them. */
  readonly knownPlans?: readonly string[];
}

/**
 * Agreeing the plan would leave the person with two Agreed plans at once: these earlier ones can end the day
 * before it starts. Nothing was written; saving again with their IDs in `endEarlier` ends them and saves it.
 */
export class AgreedPlansOverlap extends WorkbookProblem {
  constructor(
    message: string,
    readonly toEnd: readonly { readonly planId: string; readonly runs: string; readonly endDate: string }[],
  ) {
    super(message);
  }
}

/** A Line cell as the key it is matched by: a number, or null when it holds none. */
function lineNumber(cell: Cell): number | null {
  const value = typeof cell === "number" ? cell : typeof cell === "string" && cell.trim() !== "" ? Number(cell) : NaN;
  return Number.isFinite(value) ? value : null;
}

const OPEN_FIELDS = [
  "planId",
  "personId",
  "status",
  "startDate",
  "endDate",
  "reviewDate",
  "weeklyCharge",
  "reason",
  "signedOffBy",
  "updatedBy",
  "updatedAt",
  "outcomes",
  "contact",
] as const;

/** Opens a saved plan from the Plans and PlanLines tables. */
export async function openPlan(workbook: Workbook, planId: string): Promise<OpenedPlan> {
  const plans = await requireTable(workbook, PLANS.name);
  const lines = await requireTable(workbook, PLAN_LINES.name);
  const found = rowsWhere(plans, PLANS.columns.planId.header, planId);
  if (found.length === 0) throw new WorkbookProblem(`The Plans table has no plan ${planId}.`);
  if (found.length > 1) {
    throw new WorkbookProblem(
      `The Plans table has ${found.length} rows for plan ${planId}; keep one and open it again.`,
    );
  }
  const { rows, problems } = readRows(PLANS, { ...plans, rows: [plans.rows[found[0]]] }, OPEN_FIELDS);
  if (problems.length > 0) throw new WorkbookProblem(`Plans table row ${found[0] + 1}: ${problems[0].message}.`);
  const plan = rows[0].value;
  requireColumns(PLAN_LINES, lines);
  const index = headerIndex(lines);
  const column = (field: keyof typeof PLAN_LINES.columns) => index.get(matchKey(PLAN_LINES.columns[field].header))!;
  const staffColumn = index.get(matchKey(PLAN_LINES.columns.staff.header));
  const numberOf = (row: number) => lineNumber(lines.rows[row][column("line")]) ?? Infinity;
  const ownRows = rowsWhere(lines, PLAN_LINES.columns.planId.header, planId).sort(
    (a, b) => numberOf(a) - numberOf(b) || a - b,
  );
  const status = PLAN_STATUSES.find((known) => matchKey(known) === matchKey(plan.status)) ?? "Draft";
  return {
    ...plan,
    status,
    seen: planSeen(plans, lines, planId),
    lines: ownRows.map((row): LineFields & LineKey => {
      const cell = (field: keyof typeof PLAN_LINES.columns): Cell => lines.rows[row][column(field)];
      return {
        service: cell("service"),
        quantity: cell("quantity"),
        unit: cell("unit"),
        unitCost: cell("unitCost"),
        frequency: cell("frequency"),
        managedAs: cell("managedAs"),
        // An older PlanLines table has no Staff at once column: one member of staff.
        staff: staffColumn === undefined ? null : lines.rows[row][staffColumn],
        savedLine: lineNumber(cell("line")),
      };
    }),
  };
}

/** "2026-11-24T14:05", local time to the minute, as the Updated at column holds it. */
export function timestamp(at: Date): string {
  const two = (n: number) => String(n).padStart(2, "0");
  const day = `${at.getFullYear()}-${two(at.getMonth() + 1)}-${two(at.getDate())}`;
  return `${day}T${two(at.getHours())}:${two(at.getMinutes())}`;
}

/** Why a plan cannot be saved, all at once: the plan's own rules, then each line's, then the workbook's. */
function refusals(
  book: PlanBook,
  plan: PlanToSave,
  today: string,
  saved: { status: PlanStatus; signedOffBy: string } | null,
): {
  problems: string[];
  figures?: PlanFigures;
  tolerance?: Tolerance;
  weeksInYear?: Decimal;
  dates?: { startDate: string; endDate: string | null; reviewDate: string };
} {
  const person = book.people.find((candidate) => candidate.id === plan.personId);
  if (!person) return { problems: [`The People table has no person ${plan.personId}.`] };
  const assessment = assess(book, person);
  if ("problem" in assessment) return { problems: [assessment.problem] };
  const tolerance = book.tolerance.tolerance;
  if (!tolerance) return { problems: [book.tolerance.problem!] };
  const weeksInYear = book.weeks.weeksInYear;
  if (!weeksInYear) return { problems: [book.weeks.problem!] };
  const figures = planFigures(plan.lines, assessment.budget.result, tolerance, weeksInYear);
  const problems = planProblems({ ...plan, light: plan.lines.length > 0 ? figures.light : null, saved }).map(
    (problem) => problem.message,
  );
  plan.lines.forEach((line, at) => {
    const checked = checkLine({
      ...line,
      quantity: line.quantity.toString(),
      unitCost: line.unitCost.toString(),
      staff: line.staff?.toString(),
    });
    problems.push(...Object.values(checked.problems).map((message) => `Line ${at + 1}: ${message}.`));
  });
  const dated = planDates(plan, today);
  if ("problems" in dated) problems.push(...Object.values(dated.problems).map((message) => `${message}.`));
  return { problems, figures, tolerance, weeksInYear, dates: "dates" in dated ? dated.dates : undefined };
}

/** A saved plan's row in Plans: whose it is, its dates and figures, and the decision. */
export function planRow(saved: SavedPlan, person: Person): RowOf<typeof PLANS> {
  const { figures } = saved;
  return {
    planId: saved.planId,
    personId: person.id,
    name: person.name,
    careGroup: person.careGroup,
    status: saved.status,
    startDate: saved.startDate,
    endDate: saved.endDate,
    reviewDate: saved.reviewDate,
    indicativeAnnual: figures.indicativeAnnual,
    annual: figures.annual,
    weekly: figures.weekly,
    oneOff: figures.oneOff,
    ...(Object.fromEntries(
      MANAGED_AS.map((managedAs) => [`${managedAs} (annual)`, figures.byManagement[managedAs]]),
    ) as Record<ManagedColumn, Decimal>),
    weeklyCharge: saved.weeklyCharge,
    light: figures.light,
    greenTolerance: saved.tolerance.green,
    amberTolerance: saved.tolerance.amber,
    reason: saved.reason.trim(),
    signedOffBy: saved.status === "Agreed" ? saved.signedOffBy.trim() : "",
    signedOffOn: saved.signedOffOn,
    updatedBy: saved.updatedBy.trim(),
    updatedAt: saved.updatedAt,
    outcomes: saved.outcomes?.trim(),
    contact: saved.contact?.trim(),
  };
}

const SAVED_FIELDS = ["status", "signedOffBy", "signedOffOn"] as const;
const DATED_FIELDS = ["planId", "personId", "status", "startDate", "endDate"] as const;

/** The person's other plans, with their dates, for the one-Agreed-plan-at-a-time rule; unreadable rows named. */
function personsPlans(plans: TableData, personId: string): { plans: DatedPlan[]; problems: string[] } {
  const rows = rowsWhere(plans, PLANS.columns.personId.header, personId);
  const read = readRows(PLANS, { ...plans, rows: rows.map((row) => plans.rows[row]) }, DATED_FIELDS);
  const serial = (iso: string | null) => (iso === null ? null : serialFromIso(iso));
  return {
    plans: read.rows.map(({ value }) => ({ ...value, start: serial(value.startDate), end: serial(value.endDate) })),
    problems: read.problems.map(({ index, message }) => `Plans table row ${rows[index] + 1}: ${message}`),
  };
}

/**
 * Saves a plan (saveOnce) when colleagues may be saving too. A new plan's ID is claimed as it is written: should
 * another save take it between this save's read and its write, the workbook is read again and the next ID claimed.
 * Nothing another person wrote since the pane read it is saved over: the plan's rows as the pane read them (`seen`)
 * must be as they were (else ChangedSinceRead, writing nothing), and so must the rows this save read when it writes
 * them. A new plan for a person with plans the pane did not know of (`knownPlans`) is refused likewise, for the user
 * to choose. After writing, the plan's rows are read back: should a colleague's save of the same moment have taken
 * its ID after all (co-authors' changes arrive when Excel merges them), this plan is renumbered, and says so.
 */
export async function savePlan(
  workbook: Workbook,
  book: PlanBook,
  plan: PlanToSave,
  at: Date,
  options: SaveOptions = {},
): Promise<SavedPlan> {
  let firstRead: Pick<SaveOptions, "seen" | "knownPlans"> | undefined;
  for (let attempt = 1; ; attempt++) {
    try {
      // Later attempts compare with what the first read, if the pane said nothing of what it read.
      return await saveOnce(workbook, book, plan, at, { ...options, ...firstRead }, (read) => (firstRead ??= read));
    } catch (error) {
      if (!(error instanceof KeyRowsChanged) || attempt >= SAVE_ATTEMPTS) throw error;
    }
  }
}

/**
 * Saves a plan: its lines in PlanLines, then its row in Plans, as values. Saving again updates the same rows
 * in place, each line in its own row (matched by its Line number when opened), a removed line's row deleted; no
 * other row, and no column of the user's own, is touched; a column an older table lacks is added at its right. The
 * Plans row is written last, so a save that fails part-way leaves the plan as it was last saved in Plans. Refuses,
 * writing nothing, while the plan has problems, and while agreeing it would give the person two Agreed plans at
 * once (AgreedPlansOverlap), unless the earlier ones are named in `endEarlier`: each then ends the day before this
 * one starts (its End date alone is written). Returns the plan as saved.
 */
async function saveOnce(
  workbook: Workbook,
  book: PlanBook,
  plan: PlanToSave,
  at: Date,
  { endEarlier = [], seen, knownPlans }: SaveOptions,
  firstRead: (read: Pick<SaveOptions, "seen" | "knownPlans">) => void,
): Promise<SavedPlan> {
  const updatedAt = timestamp(at);
  const today = updatedAt.slice(0, 10);
  const plans = await requireTable(workbook, PLANS.name);
  const lines = await requireTable(workbook, PLAN_LINES.name);
  requireColumns(PLANS, plans);
  requireColumns(PLAN_LINES, lines);
  const existing = plan.planId === null ? [] : rowsWhere(plans, PLANS.columns.planId.header, plan.planId);
  if (existing.length > 1) {
    throw new WorkbookProblem(
      `The Plans table has ${existing.length} rows for plan ${plan.planId}; keep one and save again.`,
    );
  }
  if (plan.planId !== null && existing.length === 0) {
    throw new WorkbookProblem(`Plan ${plan.planId} is no longer in the Plans table; it may have been deleted.`);
  }
  checkSinceRead(plans, lines, plan, book, { seen, knownPlans }, firstRead);
  const savedRow: Pick<RowOf<typeof PLANS>, (typeof SAVED_FIELDS)[number]> | null =
    existing.length === 0 ? null : readSaved(plans, existing[0]);
  const savedStatus = savedRow && PLAN_STATUSES.find((known) => matchKey(known) === matchKey(savedRow.status));
  const { problems, figures, tolerance, weeksInYear, dates } = refusals(
    book,
    plan,
    today,
    savedRow && { status: savedStatus ?? "Draft", signedOffBy: savedRow.signedOffBy },
  );
  if (problems.length > 0 || !figures || !dates || !tolerance || !weeksInYear) {
    throw new WorkbookProblem(problems.join(" "));
  }
  const person = book.people.find((candidate) => candidate.id === plan.personId)!;
  const planId = plan.planId ?? nextPlanId(plans, lines);

  // One Agreed plan per person at a time: earlier overlapping ones end the day before this one starts, if asked.
  const ended: { planId: string; endDate: string; row: number }[] = [];
  if (plan.status === "Agreed") {
    const own = personsPlans(plans, plan.personId);
    const start = serialFromIso(dates.startDate);
    const end = dates.endDate === null ? null : serialFromIso(dates.endDate);
    const overlaps = agreeingOverlaps({ planId, personId: plan.personId, status: "Agreed", start, end }, own.plans);
    if (overlaps.later.length > 0) {
      const named = overlaps.later.map((other) => `${other.planId} (${whenPlanRuns(other)})`);
      throw new WorkbookProblem(
        `${person.name} already has the Agreed plan${named.length > 1 ? "s" : ""} ${listForMessage(named)}, ` +
          `starting on or after this plan's start (${formatDate(dates.startDate)}). Two Agreed plans for one person ` +
          "must not overlap: give this plan an end date before that, or change the other plan's dates.",
      );
    }
    const unasked = overlaps.toEnd.filter(
      (other) => !endEarlier.some((named) => matchKey(named) === matchKey(other.planId)),
    );
    if (unasked.length > 0) {
      const toEnd = overlaps.toEnd.map((other) => ({
        planId: other.planId,
        runs: whenPlanRuns(other),
        endDate: isoFromSerial(other.endOn),
      }));
      const named = toEnd.map((other) => `${other.planId} (${other.runs})`);
      throw new AgreedPlansOverlap(
        `${person.name} already has the Agreed plan${named.length > 1 ? "s" : ""} ${listForMessage(named)}. ` +
          `Two Agreed plans for one person must not overlap: end ${named.length > 1 ? "them" : "it"} on ` +
          `${formatDate(toEnd[0].endDate)}, the day before this plan starts, or keep editing.`,
        toEnd,
      );
    }
    for (const other of overlaps.toEnd) {
      const row = rowsWhere(plans, PLANS.columns.planId.header, other.planId);
      if (row.length !== 1) {
        throw new WorkbookProblem(
          `The Plans table has ${row.length} rows for plan ${other.planId}; keep one and save again.`,
        );
      }
      ended.push({ planId: other.planId, endDate: isoFromSerial(other.endOn), row: row[0] });
    }
  }

  const decision = decisionRecord(plan, savedRow && toSignOff(savedRow), today);
  const saved: SavedPlan = {
    ...plan,
    ...dates,
    planId,
    updatedAt,
    figures,
    tolerance,
    signedOffBy: decision.signedOffBy,
    signedOffOn: decision.signedOffOn,
    reason: decision.reason,
    lines: plan.lines.map((line, index) => ({ ...line, savedLine: index + 1 })),
    ended: ended.map(({ planId: endedId, endDate }) => ({ planId: endedId, endDate })),
    charge: plan.weeklyCharge == null ? null : planCharge(figures, plan.weeklyCharge, weeksInYear),
  };

  const values = planRow(saved, person);
  const key = (row: number, id: string) => ({ row, key: { header: PLANS.columns.planId.header, value: id } });
  const plansEdit = tableEdit(PLANS, plans, fieldsOf(PLANS), {
    amend: ended.map(({ row, planId: endedId, endDate }) => ({ ...key(row, endedId), value: { endDate } })),
    update: existing.map((row) => ({ ...key(row, planId), value: values })),
    append: existing.length === 0 ? [values] : [],
  });
  const written = linesEdit(lines, planId, saved.lines, plan.lines, weeksInYear);
  await workbook.editTables(asRead(plans, lines, planId, plan.personId, [written.edit, plansEdit]));
  return readBackSaved(workbook, saved, { plan: values, lines: written.rows }, plan.planId === null);
}

/** The sign-off a Plans row holds. */
function toSignOff(row: { signedOffBy: string; signedOffOn?: string | null }): SavedSignOff {
  return { signedOffBy: row.signedOffBy, signedOffOn: row.signedOffOn ?? null };
}

/** The status and sign-off of a plan's row, as saved; a cell that cannot be read is taken as blank. */
function readSaved(plans: TableData, row: number): Pick<RowOf<typeof PLANS>, (typeof SAVED_FIELDS)[number]> {
  const read = readRows(PLANS, { ...plans, rows: [plans.rows[row]] }, SAVED_FIELDS);
  if (read.rows.length > 0) return read.rows[0].value;
  const status = readRows(PLANS, { ...plans, rows: [plans.rows[row]] }, ["status", "signedOffBy"]).rows[0]?.value;
  return { status: status?.status ?? "", signedOffBy: status?.signedOffBy ?? "", signedOffOn: null };
}

/**
 * The edit of PlanLines for a plan's lines: each line that came from a row written back into that row (found by its
 * Line number, in the table as read now), rows of lines no longer in the plan deleted, new lines appended. Lines are
 * numbered 1, 2, 3… in the plan's order.
 */
function linesEdit(
  lines: TableData,
  planId: string,
  numbered: SavedPlan["lines"],
  sent: PlanToSave["lines"],
  weeksInYear: Decimal,
): { edit: TableEdit; rows: RowOf<typeof PLAN_LINES>[] } {
  const lineColumn = headerIndex(lines).get(matchKey(PLAN_LINES.columns.line.header))!;
  // The plan's rows by their Line number, in table order: a number typed twice is matched first come, first served.
  const free = new Map<number | null, number[]>();
  for (const row of rowsWhere(lines, PLAN_LINES.columns.planId.header, planId)) {
    const number = lineNumber(lines.rows[row][lineColumn]);
    free.set(number, [...(free.get(number) ?? []), row]);
  }
  const rowOf = sent.map((line) => (line.savedLine == null ? undefined : free.get(line.savedLine)?.shift()));
  const value = (line: SavedPlan["lines"][number]): RowOf<typeof PLAN_LINES> => ({
    planId,
    line: new Decimal(line.savedLine),
    service: line.service,
    unit: line.unit,
    quantity: line.quantity,
    unitCost: line.unitCost,
    frequency: line.frequency,
    staff: line.staff ?? new Decimal(1),
    managedAs: line.managedAs,
    annualCost: lineAnnualCost(line, weeksInYear),
  });
  const key = (row: number) => ({ row, key: { header: PLAN_LINES.columns.planId.header, value: planId } });
  const edit = tableEdit(PLAN_LINES, lines, fieldsOf(PLAN_LINES), {
    update: numbered.flatMap((line, at) =>
      rowOf[at] === undefined ? [] : [{ ...key(rowOf[at]), value: value(line) }],
    ),
    delete: [...free.values()].flat().map(key),
    append: numbered.filter((_, at) => rowOf[at] === undefined).map(value),
  });
  return { edit, rows: numbered.map(value) };
}
