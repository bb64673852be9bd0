// The workbook's weeks in a year (26 §4): one number in PlanSettings' Weeks in a year column, which every weekly↔
// annual conversion uses, in the pane, the plans it saves and the sheets' formulas (WEEKS_IN_YEAR_FORMULA). Set in
// the Settings view only, each change recorded in PlanSettingsHistory like the tolerance's: who, when, from, to, why.
import {
  Cell,
  DEFAULT_WEEKS_IN_YEAR,
  Decimal,
  describeCell,
  EngineError,
  formatQuantity,
  isBlank,
  listForMessage,
  matchKey,
  readWeeksInYear,
  WEEKS_IN_YEAR_RANGE,
  weeksInYearProblem,
} from "../../engine";
import { RowRef, TableData, Workbook } from "../port";
import { headerIndex, PickRow, readRows, tableEdit, WorkbookProblem } from "../schema/rows";
import { PLAN_SETTINGS, SETTING } from "../schema/tables";
import { ChangeNote, changeNoteProblems, recordChanges, SettingChange } from "./settings";
import { requireTable } from "./tables";

/** The weeks in a year a workbook holds: usable, or a problem to fix first, with what the pane's box starts with. */
export interface WorkbookWeeks {
  /** Null while the stored figure breaks the rule: plans are then neither costed nor saved. */
  readonly weeksInYear: Decimal | null;
  readonly problem: string | null;
  /** The figure as the Settings view's box shows it ("52"). */
  readonly typed: string;
  /** Whether the workbook holds a figure; without one it is 52. */
  readonly set: boolean;
}

const column = PLAN_SETTINGS.columns.weeksInYear;
const FIX =
  " A policy officer sets it in the Settings tab; until then plans are not costed and cannot be saved, and the " +
  "Finance sheet's contributions show #N/A.";

export const DEFAULT_WEEKS: WorkbookWeeks = {
  weeksInYear: new Decimal(DEFAULT_WEEKS_IN_YEAR),
  problem: null,
  typed: String(DEFAULT_WEEKS_IN_YEAR),
  set: false,
};

/** The Weeks in a year cells that hold something, with their rows (1-based, for messages). */
function filledCells(table: TableData): { row: number; cell: Cell }[] {
  const at = headerIndex(table).get(matchKey(column.header));
  if (at === undefined) return [];
  return table.rows.flatMap((row, index) => (isBlank(row[at]) ? [] : [{ row: index + 1, cell: row[at] }]));
}

/**
 * The weeks in a year a PlanSettings table holds: its Weeks in a year column's one number, from 50 to 53; 52 when
 * the column is blank or missing, or the workbook has no PlanSettings. Two different numbers, or one out of range,
 * are a problem to fix in the Settings view.
 */
export function weeksOf(table: TableData | null): WorkbookWeeks {
  if (!table) return DEFAULT_WEEKS;
  const filled = filledCells(table);
  if (filled.length === 0) return DEFAULT_WEEKS;
  const failed = (why: string): WorkbookWeeks => ({
    weeksInYear: null,
    problem: `The ${table.name} table's ${column.header} cannot be used: ${why}.${FIX}`,
    typed: typeof filled[0].cell === "number" ? String(filled[0].cell) : "",
    set: true,
  });
  let values: Decimal[];
  try {
    // A number, as the Finance sheet's formula counts it (COUNT): text that looks like one is refused here too.
    values = filled.map(({ row, cell }) => {
      if (typeof cell !== "number") {
        throw new EngineError(
          "invalid",
          `row ${row}: ${weeksInYearProblem(new Decimal(0))}; got ${describeCell(cell)}`,
        );
      }
      return readWeeksInYear(cell, `row ${row}`);
    });
  } catch (error) {
    if (!(error instanceof EngineError)) throw error;
    return failed(error.message.replace(/ \(a blank cell reaches.*$/, ""));
  }
  if (values.some((value) => !value.eq(values[0]))) {
    const held = filled.map(({ row, cell }) => `${describeCell(cell)} in row ${row}`);
    return failed(`it holds ${listForMessage(held)}; keep one number`);
  }
  return { weeksInYear: values[0], problem: null, typed: formatQuantity(values[0]).replace(/,/g, ""), set: true };
}

/**
 * The workbook's weeks in a year as a sheet's formula, by weeksOf's rule: PlanSettings' Weeks in a year column's one
 * number from 50 to 53; 52 when it is blank; #N/A for two different numbers, one out of range, or text. A report's
 * formulas that convert weekly↔annual reference the cell holding it, so they follow the setting as Excel recalculates.
 */
export function weeksInYearFormula(): string {
  const cells = `${PLAN_SETTINGS.name}[${column.header}]`;
  const { from, to } = WEEKS_IN_YEAR_RANGE;
  const one =
    `(COUNT(${cells})=COUNTA(${cells}))*(MIN(${cells})=MAX(${cells}))` +
    `*(MIN(${cells})>=${from})*(MAX(${cells})<=${to})`;
  return `=IF(COUNTA(${cells})=0,${DEFAULT_WEEKS_IN_YEAR},IF(${one},MAX(${cells}),NA()))`;
}

/** The workbook's weeks in a year, checked by the same rule as the Settings view's box. */
export async function readWorkbookWeeks(workbook: Workbook): Promise<WorkbookWeeks> {
  return weeksOf(await workbook.readTable(PLAN_SETTINGS.name));
}

/** "52 weeks", as PlanSettingsHistory records a figure (text: its From and To columns are formatted as percentages). */
export const weeksText = (weeks: Decimal) => `${formatQuantity(weeks)} weeks`;

/** Why a figure typed in the Settings view cannot be saved, or the figure: "52.143", "50". */
export function readTypedWeeks(typed: string): { weeksInYear: Decimal } | { problem: string } {
  const { from, to } = WEEKS_IN_YEAR_RANGE;
  const text = typed.trim().replace(/\s*weeks?$/i, "");
  if (text === "") return { problem: `Weeks in a year: a number from ${from} to ${to} is needed` };
  try {
    return { weeksInYear: readWeeksInYear(text, "Weeks in a year") };
  } catch (error) {
    if (!(error instanceof EngineError)) throw error;
    return { problem: `Weeks in a year: ${weeksInYearProblem(new Decimal(0))}, such as 52, 52.143 or 50` };
  }
}

/**
 * Changes the workbook's weeks in a year (checked by the engine's rule first), recording the change in
 * PlanSettingsHistory before PlanSettings is written, as the tolerance's changes are. The figure goes in the first
 * row's Weeks in a year cell (the column added at the table's right when an older table lacks it), and any other
 * row that held one is given it too, so the column never holds two figures. Returns the change recorded.
 */
export async function saveWeeksInYear(
  workbook: Workbook,
  weeksInYear: Decimal,
  note: ChangeNote,
  at: string,
): Promise<SettingChange> {
  const problems = [weeksInYearProblem(weeksInYear), ...Object.values(changeNoteProblems(note, "weeks"))];
  const found = problems.filter((problem): problem is string => problem !== null);
  if (found.length > 0) throw new WorkbookProblem(`The weeks in a year were not saved: ${found.join(" ")}`);
  const settings = await requireTable(workbook, PLAN_SETTINGS.name);
  const now = weeksOf(settings);
  if (now.weeksInYear?.eq(weeksInYear) && now.set) {
    throw new WorkbookProblem(`The weeks in a year are already ${weeksText(weeksInYear)}: nothing was changed.`);
  }
  // Rows are written back by their Setting, which must still be there when the edit is made.
  const { rows } = readRows(PLAN_SETTINGS, settings, ["setting"]);
  const keyed = new Map(rows.filter(({ value }) => value.setting !== "").map(({ index, value }) => [index, value]));
  const targets = [0, ...filledCells(settings).map(({ row }) => row - 1)].filter(
    (row, at, all) => all.indexOf(row) === at,
  );
  const unkeyed = targets.filter((row) => !keyed.has(row) || row >= settings.rows.length);
  if (settings.rows.length === 0 || unkeyed.length > 0) {
    throw new WorkbookProblem(
      `The ${settings.name} table needs a Setting in ${
        settings.rows.length === 0 ? "its first row" : `row ${unkeyed[0] + 1}`
      } to hold the weeks in a year (its rows are the tolerance's: set the tolerance first); nothing was changed.`,
    );
  }
  const from = !now.set
    ? `${weeksText(new Decimal(DEFAULT_WEEKS_IN_YEAR))} (not set)`
    : now.weeksInYear
      ? weeksText(now.weeksInYear)
      : describeCell(filledCells(settings)[0].cell);
  const change: SettingChange = {
    setting: SETTING.weeksInYear,
    from,
    to: weeksText(weeksInYear),
    changedBy: note.changedBy.trim(),
    changedAt: at,
    reason: note.reason.trim(),
  };
  const update = targets.map((row): RowRef & { value: PickRow<typeof PLAN_SETTINGS, "weeksInYear"> } => ({
    row,
    key: { header: PLAN_SETTINGS.columns.setting.header, value: keyed.get(row)!.setting },
    value: { weeksInYear: Number(weeksInYear.toString()) },
  }));
  await recordChanges(workbook, [change], tableEdit(PLAN_SETTINGS, settings, ["weeksInYear"], { update }));
  return change;
}
