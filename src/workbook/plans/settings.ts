// The workbook's traffic-light tolerance, kept in its PlanSettings table as fractions with a percentage
// format, and every change of it made in the pane, in PlanSettingsHistory: who, when, from, to and why. The pane
// shows and edits it in percent; the engine's rules decide what may be saved.
import {
  Cell,
  DEFAULT_TOLERANCE,
  Decimal,
  EngineError,
  formatPercent,
  formatQuantity,
  fractionLimit,
  matchKey,
  readCell,
  Tolerance,
  toleranceProblems,
} from "../../engine";
import { CellValue, freeSheetName, RowRef, TableEdit, Workbook } from "../port";
import {
  cellsOf,
  columnWrites,
  fieldsOf,
  readRows,
  requireColumns,
  RowOf,
  tableEdit,
  WorkbookProblem,
} from "../schema/rows";
import { PLAN_SETTINGS, PLAN_SETTINGS_HISTORY, SETTING } from "../schema/tables";
import { requireTable } from "./tables";

/** The tolerance a workbook holds: usable, or a problem to fix first, with what its boxes start with. */
export interface WorkbookTolerance {
  /** Null while the stored limits break the rules: plans are then neither lit nor saved. */
  readonly tolerance: Tolerance | null;
  readonly problem: string | null;
  /** The stored limits in percent, as the pane's boxes show them ("10" for 10%). */
  readonly percentages: { readonly green: string; readonly amber: string };
}

const percentText = (cell: Cell): string => {
  try {
    return formatQuantity(readCell(fractionLimit, cell, "").times(100)).replace(/,/g, "");
  } catch {
    return typeof cell === "string" ? cell : "";
  }
};

function usable(tolerance: Tolerance): WorkbookTolerance {
  const percent = (fraction: Decimal) => formatQuantity(fraction.times(100)).replace(/,/g, "");
  return {
    tolerance,
    problem: null,
    percentages: { green: percent(tolerance.green), amber: percent(tolerance.amber) },
  };
}

/** The PlanSettings table's limits, checked by the same rules as the pane's boxes; the default without one. */
export async function readSettings(workbook: Workbook): Promise<WorkbookTolerance> {
  const table = await workbook.readTable(PLAN_SETTINGS.name);
  if (!table) return usable(DEFAULT_TOLERANCE);
  const { rows } = readRows(PLAN_SETTINGS, table);
  const cell = (setting: string) =>
    rows.find((row) => matchKey(row.value.setting) === matchKey(setting))?.value.value ?? null;
  const [green, amber] = [cell(SETTING.green), cell(SETTING.amber)];
  const fix =
    " A policy officer sets the tolerance in the Settings tab; until then plans get no traffic light and cannot " +
    "be saved.";
  try {
    const limits = {
      green: readCell(fractionLimit, green, `${SETTING.green}`),
      amber: readCell(fractionLimit, amber, `${SETTING.amber}`),
    };
    const problems = Object.values(toleranceProblems(limits.green, limits.amber));
    if (problems.length === 0) return usable(limits);
    return failed(`The ${table.name} table's tolerance cannot be used: ${problems.join("; ")}.${fix}`);
  } catch (error) {
    if (!(error instanceof EngineError)) throw error;
    return failed(`The ${table.name} table's tolerance cannot be used: ${error.message}.${fix}`);
  }

  function failed(problem: string): WorkbookTolerance {
    return { tolerance: null, problem, percentages: { green: percentText(green), amber: percentText(amber) } };
  }
}

/** A change of a setting as PlanSettingsHistory records it. */
export type SettingChange = RowOf<typeof PLAN_SETTINGS_HISTORY>;

/** Who changes the tolerance and why: both needed, as the change is policy. */
export interface ChangeNote {
  readonly changedBy: string;
  readonly reason: string;
}

/** The settings a change note is for: the tolerance, or the weeks in a year. */
export type SettingSubject = "tolerance" | "weeks";

/** Why a change of a setting cannot be recorded, by field; empty when it can. */
export function changeNoteProblems(
  note: ChangeNote,
  subject: SettingSubject = "tolerance",
): Partial<Record<keyof ChangeNote, string>> {
  const problems: Partial<Record<keyof ChangeNote, string>> = {};
  if (note.changedBy.trim() === "") problems.changedBy = "Enter your name: a change of policy records who made it.";
  if (note.reason.trim() === "") {
    const what = subject === "tolerance" ? "the tolerance changes" : "the weeks in a year change";
    problems.reason = `Say why ${what} (the decision or paper it follows): it is recorded with it.`;
  }
  return problems;
}

/** The changes recorded so far, oldest first, and rows that could not be read; none without the table. */
export async function readSettingChanges(
  workbook: Workbook,
): Promise<{ changes: SettingChange[]; problems: string[] }> {
  const table = await workbook.readTable(PLAN_SETTINGS_HISTORY.name);
  if (!table) return { changes: [], problems: [] };
  const { rows, problems } = readRows(PLAN_SETTINGS_HISTORY, table);
  return {
    changes: rows.map(({ value }) => value),
    problems: problems.map(({ index, message }) => `${table.name} table row ${index + 1}: ${message}.`),
  };
}

/**
 * Changes the workbook's tolerance (checked by the engine's rules first), recording each limit that changes in
 * PlanSettingsHistory (added on its own sheet the first time) before PlanSettings is written: so no change is ever
 * made without its record. Only the Setting and Value cells of PlanSettings are written. Returns the rows recorded.
 */
export async function saveTolerance(
  workbook: Workbook,
  tolerance: Tolerance,
  note: ChangeNote,
  at: string,
): Promise<SettingChange[]> {
  const problems = [...Object.values(toleranceProblems(tolerance.green, tolerance.amber))];
  problems.push(...Object.values(changeNoteProblems(note)));
  if (problems.length > 0) throw new WorkbookProblem(`The tolerance was not saved: ${problems.join(" ")}`);
  const settings = await requireTable(workbook, PLAN_SETTINGS.name);
  const { rows } = readRows(PLAN_SETTINGS, settings);
  const update: (RowRef & { value: RowOf<typeof PLAN_SETTINGS> })[] = [];
  const append: RowOf<typeof PLAN_SETTINGS>[] = [];
  const changes: SettingChange[] = [];
  for (const [setting, value] of [
    [SETTING.green, tolerance.green],
    [SETTING.amber, tolerance.amber],
  ] as const) {
    const row = { setting, value: Number(value.toString()) as CellValue };
    const found = rows.find((candidate) => matchKey(candidate.value.setting) === matchKey(setting));
    if (found && typeof found.value.value === "number" && new Decimal(found.value.value).eq(value)) continue;
    const from = found?.value.value ?? null;
    changes.push({ setting, from, to: row.value, ...trimmed(note), changedAt: at });
    if (!found) append.push(row);
    else {
      const key = { header: PLAN_SETTINGS.columns.setting.header, value: setting };
      update.push({ row: found.index, key, value: row });
    }
  }
  if (changes.length === 0) {
    throw new WorkbookProblem(
      `The tolerance is already Green within ${formatPercent(tolerance.green)}, Amber within ` +
        `${formatPercent(tolerance.amber)}: nothing was changed.`,
    );
  }
  await recordChanges(workbook, changes, tableEdit(PLAN_SETTINGS, settings, ["setting", "value"], { update, append }));
  return changes;
}

/**
 * Records changes of settings in PlanSettingsHistory (added on its own sheet the first time), then makes them with
 * `settingsEdit`: so no change is ever made without its record.
 */
export async function recordChanges(
  workbook: Workbook,
  changes: readonly SettingChange[],
  settingsEdit: TableEdit,
): Promise<void> {
  const history = await workbook.readTable(PLAN_SETTINGS_HISTORY.name);
  const fields = fieldsOf(PLAN_SETTINGS_HISTORY);
  if (history) {
    requireColumns(PLAN_SETTINGS_HISTORY, history);
    // The record first, then the change: both checked before either is written.
    await workbook.editTables([tableEdit(PLAN_SETTINGS_HISTORY, history, fields, { append: changes }), settingsEdit]);
  } else {
    const { sheets } = await workbook.names();
    await workbook.addTables([
      {
        name: PLAN_SETTINGS_HISTORY.name,
        sheet: freeSheetName(PLAN_SETTINGS_HISTORY.sheet, sheets),
        columns: columnWrites(PLAN_SETTINGS_HISTORY),
        rows: changes.map((change) => cellsOf(PLAN_SETTINGS_HISTORY, change, fields)),
      },
    ]);
    await workbook.editTables([settingsEdit]);
  }
}

const trimmed = (note: ChangeNote): ChangeNote => ({ changedBy: note.changedBy.trim(), reason: note.reason.trim() });
