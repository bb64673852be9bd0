// The workbook's traffic-light tolerance, kept in its PlanSettings table as fractions with a percentage
// format. The pane shows and edits it in percent; the engine's rules decide what may be saved.
import {
  Cell,
  DEFAULT_TOLERANCE,
  Decimal,
  EngineError,
  formatQuantity,
  fractionLimit,
  matchKey,
  readCell,
  Tolerance,
  toleranceProblems,
} from "../../engine";
import { CellValue, RowRef, Workbook } from "../port";
import { readRows, RowOf, tableEdit, WorkbookProblem } from "../schema/rows";
import { PLAN_SETTINGS, SETTING } from "../schema/tables";
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
    ' Set the tolerance under "Tolerance for this workbook"; until then plans get no traffic light ' +
    "and cannot be saved.";
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

/** Saves the workbook's tolerance limits (checked by the engine's rules first) to the PlanSettings table. */
export async function saveTolerance(workbook: Workbook, tolerance: Tolerance): Promise<void> {
  const problems = Object.values(toleranceProblems(tolerance.green, tolerance.amber));
  if (problems.length > 0) throw new WorkbookProblem(`The tolerance was not saved: ${problems.join("; ")}.`);
  const settings = await requireTable(workbook, PLAN_SETTINGS.name);
  const { rows } = readRows(PLAN_SETTINGS, settings);
  const update: (RowRef & { value: RowOf<typeof PLAN_SETTINGS> })[] = [];
  const append: RowOf<typeof PLAN_SETTINGS>[] = [];
  for (const [setting, value] of [
    [SETTING.green, tolerance.green],
    [SETTING.amber, tolerance.amber],
  ] as const) {
    const row = { setting, value: Number(value.toString()) as CellValue };
    const found = rows.find((candidate) => matchKey(candidate.value.setting) === matchKey(setting));
    if (!found) append.push(row);
    else {
      const key = { header: PLAN_SETTINGS.columns.setting.header, value: setting };
      update.push({ row: found.index, key, value: row });
    }
  }
  await workbook.editTables([tableEdit(PLAN_SETTINGS, settings, ["setting", "value"], { update, append })]);
}
