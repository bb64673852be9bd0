// Saving when colleagues save too (a co-authored workbook): a new plan's ID claimed when it is written, rows another
// person wrote since the pane read them never saved over, and an ID found twice after a save renumbered. Excel has no
// transactions and merges a co-author's changes when it receives them, so each is checked where it can be: before the
// save (against what the pane read), in the write itself (KeyRows, against what the save read) and after it.
import { Decimal, formatDate, listForMessage, matchKey } from "../../engine";
import { CellValue, KeyRows, KeyRowsChanged, TableData, TableEdit, Workbook } from "../port";
import { fieldsOf, headerIndex, readRows, RowOf, WorkbookProblem } from "../schema/rows";
import { PLAN_LINES, PLANS } from "../schema/tables";
import type { PlanBook } from "./book";
import type { PlanToSave, SavedPlan, SaveOptions } from "./planRows";
import { requireTable, rowsWhere } from "./tables";

/** Rows as read: their cells under `columns` (the add-in's columns the table has, the key's own left out). */
export interface RowsSeen {
  readonly columns: readonly string[];
  readonly rows: readonly (readonly CellValue[])[];
}

/** A saved plan's rows as the pane read them (opening or saving it): a save must find them as they were. */
export interface PlanSeen {
  readonly planId: string;
  readonly plan: RowsSeen;
  readonly lines: RowsSeen;
  /** Its rows were changed by another person between its save and reading them back: a change since, whatever now. */
  readonly changedAfterSave?: boolean;
}

type Spec = typeof PLANS | typeof PLAN_LINES;

/** The add-in's columns a table has, but the key's. */
function columnsOf(spec: Spec, table: TableData, key: string): string[] {
  const index = headerIndex(table);
  return (Object.values(spec.columns) as readonly { readonly header: string }[])
    .map((column) => column.header)
    .filter((header) => header !== key && index.has(matchKey(header)));
}

/** The rows holding a key, with their cells under `columns`, as a KeyRows precondition of an edit. */
export function keyRowsOf(table: TableData, header: string, value: string, columns: readonly string[]): KeyRows {
  const index = headerIndex(table);
  const positions = columns.map((column) => index.get(matchKey(column)));
  return {
    header,
    value,
    columns,
    rows: rowsWhere(table, header, value).map((row) => ({
      row,
      values: positions.map((at) => (at === undefined ? null : table.rows[row][at])),
    })),
  };
}

/** A plan's rows in Plans and PlanLines, as KeyRows: what a save of it expects to find. */
export function planKeyRows(plans: TableData, lines: TableData, planId: string): { plan: KeyRows; lines: KeyRows } {
  const planKey = PLANS.columns.planId.header;
  const lineKey = PLAN_LINES.columns.planId.header;
  return {
    plan: keyRowsOf(plans, planKey, planId, columnsOf(PLANS, plans, planKey)),
    lines: keyRowsOf(lines, lineKey, planId, columnsOf(PLAN_LINES, lines, lineKey)),
  };
}

/** What the pane keeps of a plan's rows as it read them. */
export function planSeen(plans: TableData, lines: TableData, planId: string): PlanSeen {
  const rows = planKeyRows(plans, lines, planId);
  const seen = (read: KeyRows): RowsSeen => ({ columns: read.columns, rows: read.rows.map((row) => row.values) });
  return { planId, plan: seen(rows.plan), lines: seen(rows.lines) };
}

/** The rows now holding the seen rows' key, under the seen rows' columns, each as one text to compare. */
function rowsNow(table: TableData, header: string, planId: string, seen: RowsSeen): string[] {
  return keyRowsOf(table, header, planId, seen.columns).rows.map((row) => JSON.stringify(row.values));
}

/** Rows of one list not in the other, as many times as they are not (a multiset difference). */
function without(rows: readonly string[], others: readonly string[]): string[] {
  const left = [...others];
  return rows.filter((row) => {
    const at = left.indexOf(row);
    if (at < 0) return true;
    left.splice(at, 1);
    return false;
  });
}

/**
 * Someone else saved over what the pane read, or saved a plan beside it: nothing was written. `newPlans`: plans of
 * the person saved since the pane read the workbook (saving a new plan beside them is the user's choice); otherwise
 * the plan itself changed, and saving would overwrite another person's work.
 */
export class ChangedSinceRead extends WorkbookProblem {
  constructor(
    message: string,
    readonly newPlans: readonly string[],
  ) {
    super(message);
  }
}

/** "Priya Shah saved it at 14:05 on 24 Nov 2026", from a Plans row as read now, or "" when it names no one. */
function whoSaved(plans: TableData, row: number): string {
  const read = readRows(PLANS, { ...plans, rows: [plans.rows[row]] }, ["updatedBy", "updatedAt"]).rows[0]?.value;
  if (!read || read.updatedBy === "") return "";
  const when = read.updatedAt ? ` at ${read.updatedAt.slice(11)} on ${formatDate(read.updatedAt.slice(0, 10))}` : "";
  return `${read.updatedBy} saved it${when}`;
}

/**
 * How a plan's rows changed since the pane read them (`seen`), in words ("Priya Shah saved it at 14:05 on 24 Nov
 * 2026 (it had 2 lines when you opened it and has 3 lines now)"), or null when they are as they were: its Plans row
 * saved by someone else, or its lines in PlanLines added to, removed or changed.
 */
export function planChangeSince(plans: TableData, lines: TableData, seen: PlanSeen): string | null {
  const planKey = PLANS.columns.planId.header;
  if (seen.changedAfterSave) {
    const row = rowsWhere(plans, planKey, seen.planId);
    const who = row.length === 1 ? whoSaved(plans, row[0]) : "";
    return `${who || "its rows in the Plans and PlanLines tables were changed"} just after your last save`;
  }
  const planNow = rowsNow(plans, planKey, seen.planId, seen.plan);
  const planWas = seen.plan.rows.map((row) => JSON.stringify(row));
  const linesNow = rowsNow(lines, PLAN_LINES.columns.planId.header, seen.planId, seen.lines);
  const linesWas = seen.lines.rows.map((row) => JSON.stringify(row));
  const linesChanged = without(linesNow, linesWas).length + without(linesWas, linesNow).length > 0;
  const planChanged = without(planNow, planWas).length + without(planWas, planNow).length > 0;
  if (!planChanged && !linesChanged) return null;
  const row = rowsWhere(plans, planKey, seen.planId);
  const who = planChanged && row.length === 1 ? whoSaved(plans, row[0]) : "";
  const count = (n: number) => `${n} line${n === 1 ? "" : "s"}`;
  const lineChanges = !linesChanged
    ? ""
    : linesNow.length === linesWas.length
      ? "its lines changed"
      : `it had ${count(linesWas.length)} then and has ${count(linesNow.length)} now`;
  if (who) return `${who}${lineChanges ? ` (${lineChanges})` : ""}`;
  if (lineChanges) return `in the PlanLines table, ${lineChanges}`;
  return row.length === 0 ? "its row is no longer in the Plans table" : "its row in the Plans table was changed";
}

/** Refuses, with ChangedSinceRead, a save over a plan whose rows changed since the pane read them (`seen`). */
export function checkPlanUnchanged(plans: TableData, lines: TableData, seen: PlanSeen): void {
  const change = planChangeSince(plans, lines, seen);
  if (change === null) return;
  throw new ChangedSinceRead(
    `Plan ${seen.planId} was changed since you opened or last saved it: ${change}. Nothing was saved, so that ` +
      "work is kept. Read the plan again to see it, then make your changes again.",
    [],
  );
}

/** A plan saved by someone since the pane read the workbook. */
export interface PlanSavedSince {
  readonly planId: string;
  readonly personId: string;
  readonly name: string;
  readonly updatedBy: string;
}

/**
 * The plans saved since the pane read the workbook (`known`: the plans it read, with when each was saved): new ones,
 * and those saved again since. Rows that cannot be read are left to the next read, which names them.
 */
export function plansSavedSince(
  plans: TableData,
  known: readonly { readonly planId: string; readonly updatedAt: string | null }[],
): PlanSavedSince[] {
  const read = readRows(PLANS, plans, ["planId", "personId", "name", "updatedBy", "updatedAt"]).rows;
  const savedAt = new Map(known.map((plan) => [matchKey(plan.planId), plan.updatedAt]));
  return read
    .map(({ value }) => value)
    .filter((plan) => plan.planId !== "")
    .filter((plan) => !savedAt.has(matchKey(plan.planId)) || savedAt.get(matchKey(plan.planId)) !== plan.updatedAt)
    .map(({ planId, personId, name, updatedBy }) => ({ planId, personId, name, updatedBy }));
}

/** The new plans among those saved since, of one person, in words: "Priya Shah saved plan PLAN-0002 for Arthur". */
export function newPlansOf(
  saved: readonly PlanSavedSince[],
  known: readonly string[],
  personId: string,
  name: string,
): { ids: string[]; text: string } | null {
  const knownKeys = new Set(known.map(matchKey));
  const added = saved.filter(
    (plan) => matchKey(plan.personId) === matchKey(personId) && !knownKeys.has(matchKey(plan.planId)),
  );
  if (added.length === 0) return null;
  const ids = added.map((plan) => plan.planId);
  const by = [...new Set(added.map((plan) => plan.updatedBy).filter((who) => who !== ""))];
  const plans = `${ids.length > 1 ? "plans" : "plan"} ${listForMessage(ids)}`;
  return { ids, text: `${by.length > 0 ? listForMessage(by) : "someone"} saved ${plans} for ${name}` };
}

/**
 * Refuses, with ChangedSinceRead, a new plan for a person who has plans the pane did not know of (`known`, their IDs
 * as the pane read them): a colleague may be planning for them too. Saving beside them is the user's to choose.
 */
export function checkNoNewPlans(plans: TableData, personId: string, name: string, known: readonly string[]): void {
  const added = newPlansOf(plansSavedSince(plans, []), known, personId, name);
  if (!added) return;
  const them = added.ids.length > 1 ? "them" : "it";
  throw new ChangedSinceRead(
    `Since the pane read the workbook, ${added.text}. Nothing was saved. Read the workbook again to see ${them}, ` +
      "or save this plan as well.",
    added.ids,
  );
}

/** The highest PLAN-n in either table, plus one: an ID neither a plan nor a line left behind by a failed save holds. */
export function nextPlanId(plans: TableData, lines: TableData): string {
  let highest = 0;
  for (const table of [plans, lines]) {
    const column = headerIndex(table).get(matchKey(PLANS.columns.planId.header));
    if (column === undefined) continue;
    for (const row of table.rows) {
      const number = /^PLAN-(\d+)$/i.exec(String(row[column] ?? "").trim())?.[1];
      if (number !== undefined) highest = Math.max(highest, Number(number));
    }
  }
  return `PLAN-${String(highest + 1).padStart(4, "0")}`;
}

/** A typed cell as compared: a number exactly, text trimmed, blank as "". */
function comparable(value: unknown): string {
  if (value instanceof Decimal) return value.toString();
  if (typeof value === "string") return value.trim();
  return value === null || value === undefined ? "" : JSON.stringify(value);
}

/** Which of `candidates` (rows of a table) hold `wanted` (typed rows as written), each once; null if one is not. */
function findRows<S extends Spec>(
  spec: S,
  table: TableData,
  candidates: readonly number[],
  wanted: readonly RowOf<S>[],
): number[] | null {
  const fields = fieldsOf(spec).filter((field) => field !== "planId");
  const key = (value: object) =>
    JSON.stringify(fields.map((field) => comparable((value as Record<string, unknown>)[field])));
  const read = readRows(spec, { ...table, rows: candidates.map((row) => table.rows[row]) }, fields);
  const free = read.rows.map(({ index, value }) => ({ row: candidates[index], key: key(value) }));
  const found: number[] = [];
  for (const value of wanted) {
    // The last of equal rows: a save's rows are appended after any already there.
    const at = free.map((candidate) => candidate.key).lastIndexOf(key(value));
    if (at < 0) return null;
    found.push(free[at].row);
    free.splice(at, 1);
  }
  return found;
}

/** A save's own rows as it wrote them, to find again when it reads them back. */
export interface OwnRows {
  readonly plan: RowOf<typeof PLANS>;
  readonly lines: readonly RowOf<typeof PLAN_LINES>[];
}

/** What reading a plan's rows back after its save found. */
export interface ReadBack {
  /** The save's own rows as read back; `changedAfterSave` when another person changed them before they were read. */
  readonly seen: PlanSeen;
  /** Another save of the same moment holds the new ID too: these edits give this plan the next free ID. */
  readonly renumber?: { readonly planId: string; readonly edits: readonly TableEdit[] };
  /** Two plans hold the ID, and this save's rows cannot be found to renumber: what the user must do. */
  readonly warning?: string;
}

/**
 * A save's rows, read back: found by what they hold (`own`) among the rows holding its ID. A new plan's ID
 * (`claimed`) held by rows that are not the save's (a co-author's save of the same moment, merged in after this save
 * checked its claim: a second Plans row, or lines before their Plans row) is left to them, and this plan renumbered:
 * edits that expect every row holding the ID to be as read here, so a change since stops them. Rows of the save's
 * changed by another person before this read are no collision: `seen` then says they changed, for the next save.
 */
export function readBack(plans: TableData, lines: TableData, planId: string, own: OwnRows, claimed: boolean): ReadBack {
  const planKey = PLANS.columns.planId.header;
  const lineKey = PLAN_LINES.columns.planId.header;
  const planRows = rowsWhere(plans, planKey, planId);
  const lineRows = rowsWhere(lines, lineKey, planId);
  const ownPlan = findRows(PLANS, plans, planRows, [own.plan]);
  const ownLines = findRows(PLAN_LINES, lines, lineRows, own.lines);
  if (!ownPlan || !ownLines) {
    const changed: PlanSeen = { planId, plan: NOTHING_SEEN, lines: NOTHING_SEEN, changedAfterSave: true };
    if (!claimed || planRows.length <= 1) return { seen: changed };
    return {
      seen: changed,
      warning:
        `Someone else saved plan ${planId} at the same moment as you: the Plans table has ${planRows.length} rows ` +
        `and the PlanLines table ${lineRows.length} rows for it, and yours cannot be told from theirs. Give one of ` +
        "the plans a new Plan ID in its Plans row and its PlanLines rows.",
    };
  }
  const asRead = planKeyRows(plans, lines, planId);
  const ours = (read: KeyRows, rows: readonly number[]): RowsSeen => ({
    columns: read.columns,
    rows: read.rows.filter((row) => rows.includes(row.row)).map((row) => row.values),
  });
  const seen = { planId, plan: ours(asRead.plan, ownPlan), lines: ours(asRead.lines, ownLines) };
  const others = planRows.length > 1 || lineRows.length > ownLines.length;
  if (!claimed || !others) return { seen };
  const next = nextPlanId(plans, lines);
  const renumber = (table: TableData, header: string, rows: readonly number[], read: KeyRows): TableEdit => ({
    table: table.name,
    columns: [{ header, numberFormat: PLANS.columns.planId.numberFormat }],
    update: rows.map((row) => ({ row, key: { header, value: planId }, values: [next] })),
    expect: [read, { header, value: next, columns: [], rows: [] }],
  });
  return {
    seen: { ...seen, planId: next },
    // Lines first, as a save writes them: the Plans row, written last, marks the plan as renumbered.
    renumber: {
      planId: next,
      edits: [renumber(lines, lineKey, ownLines, asRead.lines), renumber(plans, planKey, ownPlan, asRead.plan)],
    },
  };
}

const NOTHING_SEEN: RowsSeen = { columns: [], rows: [] };

/** Saves that find the workbook changed between their read and their write read it again, this many times in all. */
export const SAVE_ATTEMPTS = 3;

/**
 * Refuses, with ChangedSinceRead, a save over rows changed since the pane read them: a saved plan's rows, or for a
 * new plan, the person's plans. Without word from the pane of what it read, this first read is taken as it.
 */
export function checkSinceRead(
  plans: TableData,
  lines: TableData,
  plan: PlanToSave,
  book: PlanBook,
  { seen, knownPlans }: Pick<SaveOptions, "seen" | "knownPlans">,
  firstRead: (read: Pick<SaveOptions, "seen" | "knownPlans">) => void,
): void {
  if (plan.planId !== null) {
    if (seen && matchKey(seen.planId) === matchKey(plan.planId)) checkPlanUnchanged(plans, lines, seen);
    else firstRead({ seen: planSeen(plans, lines, plan.planId) });
    return;
  }
  const person = book.people.find((candidate) => candidate.id === plan.personId);
  const ids = () =>
    rowsWhere(plans, PLANS.columns.personId.header, plan.personId).map((row) =>
      String(plans.rows[row][headerIndex(plans).get(matchKey(PLANS.columns.planId.header))!] ?? "").trim(),
    );
  if (knownPlans) checkNoNewPlans(plans, plan.personId, person?.name ?? plan.personId, knownPlans);
  else firstRead({ knownPlans: ids() });
}

/**
 * The edits, each expecting the rows it was worked out from to be as this save read them (KeyRows): the plan's rows
 * in both tables (none, for a new plan: its ID is claimed), and a new plan's person's rows in Plans, so a plan another
 * save adds for them meanwhile is seen.
 */
export function asRead(
  plans: TableData,
  lines: TableData,
  planId: string,
  personId: string,
  [linesEdit, plansEdit]: [TableEdit, TableEdit],
): TableEdit[] {
  const rows = planKeyRows(plans, lines, planId);
  const person =
    rows.plan.rows.length === 0
      ? [keyRowsOf(plans, PLANS.columns.personId.header, personId, [PLANS.columns.planId.header])]
      : [];
  return [
    { ...linesEdit, expect: [rows.lines] },
    { ...plansEdit, expect: [rows.plan, ...person] },
  ];
}

/**
 * Reads the plan's rows back after its save (colleagues.ts, readBack): what the pane keeps as read (`seen`), and
 * whether a colleague's save of the same moment holds a new plan's ID too, when this plan is renumbered (read back
 * again, and tried again, should the rows change before the renumbering is written). The save is written whatever
 * this finds, so what goes wrong here is told with the saved plan (`warning`), never as a save that failed.
 */
export async function readBackSaved(
  workbook: Workbook,
  saved: SavedPlan,
  own: OwnRows,
  claimed: boolean,
): Promise<SavedPlan> {
  const unchecked = (error: unknown) =>
    `The plan was saved, but checking that no one else saved plan ${saved.planId} at the same moment failed: ` +
    `${error instanceof Error ? error.message : String(error)} Refresh to check.`;
  for (let attempt = 1; ; attempt++) {
    let found: ReadBack;
    try {
      const plans = await requireTable(workbook, PLANS.name);
      const lines = await requireTable(workbook, PLAN_LINES.name);
      found = readBack(plans, lines, saved.planId, own, claimed);
    } catch (error) {
      return { ...saved, warning: unchecked(error) };
    }
    if (!found.renumber) return { ...saved, seen: found.seen, warning: found.warning };
    try {
      await workbook.editTables(found.renumber.edits);
      return { ...saved, planId: found.renumber.planId, renumberedFrom: saved.planId, seen: found.seen };
    } catch (error) {
      if (!(error instanceof KeyRowsChanged) || attempt >= SAVE_ATTEMPTS)
        return { ...saved, warning: unchecked(error) };
    }
  }
}
