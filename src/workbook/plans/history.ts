// Every save of a plan, kept: a PlanHistory row appended after each save (the table added on a sheet of its own the
// first time), never rewritten, and read back newest first. Plans keeps the current state.
import { checkLine, Cell, LineBefore, lineChanges, lineRecord, matchKey } from "../../engine";
import { freeSheetName, TableData, Workbook, WorkbookRefusal } from "../port";
import {
  cellsOf,
  columnWrites,
  fieldsOf,
  headerIndex,
  readRows,
  requireColumns,
  RowOf,
  tableEdit,
} from "../schema/rows";
import { PLAN_HISTORY, PLAN_LINES } from "../schema/tables";
import { PlanBook } from "./book";
import { PlanToSave, SavedPlan, savePlan } from "./planRows";
import { rowsWhere } from "./tables";

/** One save of a plan as PlanHistory records it. */
export type PlanHistoryRow = RowOf<typeof PLAN_HISTORY>;

/** The lines a plan has in PlanLines now, each in words, by its Line number: what a save is compared with. */
export function linesBefore(lines: TableData | null, planId: string | null): LineBefore[] {
  if (!lines || planId === null) return [];
  const index = headerIndex(lines);
  const at = (field: keyof typeof PLAN_LINES.columns) => index.get(matchKey(PLAN_LINES.columns[field].header));
  const cell = (row: number, field: keyof typeof PLAN_LINES.columns): Cell => {
    const column = at(field);
    return column === undefined ? null : lines.rows[row][column];
  };
  return rowsWhere(lines, PLAN_LINES.columns.planId.header, planId).map((row) => {
    const fields = {
      service: cell(row, "service"),
      quantity: cell(row, "quantity"),
      unit: cell(row, "unit"),
      unitCost: cell(row, "unitCost"),
      frequency: cell(row, "frequency"),
      managedAs: cell(row, "managedAs"),
      staff: cell(row, "staff"),
    };
    const checked = checkLine(fields).line;
    const number = cell(row, "line");
    return {
      line: typeof number === "number" ? number : null,
      // A row the rules refuse is recorded as its cells are.
      record: checked
        ? lineRecord(checked)
        : Object.values(fields)
            .map((value) => String(value ?? ""))
            .join(" "),
    };
  });
}

/** The PlanHistory row for a save: the plan as saved, and its lines compared with what PlanLines held before. */
export function historyRow(saved: SavedPlan, sent: PlanToSave, before: readonly LineBefore[]): PlanHistoryRow {
  const changes = lineChanges(
    before,
    sent.lines.map((line) => ({ savedLine: line.savedLine ?? null, line })),
  );
  return {
    planId: saved.planId,
    savedAt: saved.updatedAt,
    savedBy: saved.updatedBy.trim(),
    status: saved.status,
    annual: saved.figures.annual,
    indicativeAnnual: saved.figures.indicativeAnnual,
    light: saved.figures.light,
    greenTolerance: saved.tolerance.green,
    amberTolerance: saved.tolerance.amber,
    reason: saved.reason,
    signedOffBy: saved.signedOffBy,
    signedOffOn: saved.signedOffOn,
    reviewDate: saved.reviewDate,
    linesAdded: changes.added.join("; "),
    linesRemoved: changes.removed.join("; "),
    linesChanged: changes.changed.join("; "),
  };
}

/**
 * Appends a row to PlanHistory, adding the table on a sheet of its own if the workbook has none. Only ever appends:
 * no row already there is written, moved or deleted. A colleague's save that adds the table first (between this
 * read and this add) has this row appended to theirs.
 */
export async function appendHistory(workbook: Workbook, row: PlanHistoryRow): Promise<void> {
  const fields = fieldsOf(PLAN_HISTORY);
  for (let attempt = 1; ; attempt++) {
    const table = await workbook.readTable(PLAN_HISTORY.name);
    if (table) {
      requireColumns(PLAN_HISTORY, table);
      await workbook.editTables([tableEdit(PLAN_HISTORY, table, fields, { append: [row] })]);
      return;
    }
    const { sheets } = await workbook.names();
    try {
      await workbook.addTables([
        {
          name: PLAN_HISTORY.name,
          sheet: freeSheetName(PLAN_HISTORY.sheet, sheets),
          columns: columnWrites(PLAN_HISTORY),
          rows: [cellsOf(PLAN_HISTORY, row, fields)],
        },
      ]);
      return;
    } catch (error) {
      // Refused, nothing added: if the table is there now, a colleague added it, and this row goes after theirs.
      if (!(error instanceof WorkbookRefusal) || attempt >= 2 || !(await workbook.readTable(PLAN_HISTORY.name))) {
        throw error;
      }
    }
  }
}

/** Why a save's history row was not written, though the plan was saved. */
export class HistoryNotRecorded extends Error {
  override readonly name = "HistoryNotRecorded";
  constructor(
    readonly saved: SavedPlan,
    readonly why: string,
  ) {
    super(why);
  }
}

/**
 * Saves a plan (savePlan) and records the save in PlanHistory. The lines are compared with PlanLines as read just
 * before the save. The plan is saved first: should the history row then fail, HistoryNotRecorded carries the saved
 * plan and why, so the pane can say the plan was saved and its history row was not.
 */
export async function savePlanRecorded(
  workbook: Workbook,
  book: PlanBook,
  plan: PlanToSave,
  at: Date,
  options: Parameters<typeof savePlan>[4] = {},
): Promise<SavedPlan> {
  const before = linesBefore(await workbook.readTable(PLAN_LINES.name), plan.planId);
  const saved = await savePlan(workbook, book, plan, at, options);
  try {
    await appendHistory(workbook, historyRow(saved, plan, before));
  } catch (error) {
    throw new HistoryNotRecorded(saved, error instanceof Error ? error.message : String(error));
  }
  return saved;
}

/** A plan's saves, newest first, and PlanHistory rows of it that could not be read; none without the table. */
export async function readPlanHistory(
  workbook: Workbook,
  planId: string,
): Promise<{ rows: PlanHistoryRow[]; problems: string[] }> {
  const table = await workbook.readTable(PLAN_HISTORY.name);
  if (!table) return { rows: [], problems: [] };
  const own = rowsWhere(table, PLAN_HISTORY.columns.planId.header, planId);
  const { rows, problems } = readRows(PLAN_HISTORY, { ...table, rows: own.map((row) => table.rows[row]) });
  return {
    // Appended in the order saved, so the last row is the newest, whatever the clock said.
    rows: rows.map(({ value }) => value).reverse(),
    problems: problems.map(({ index, message }) => `${table.name} table row ${own[index] + 1}: ${message}.`),
  };
}
