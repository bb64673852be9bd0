// The plan book: what the pane reads from and writes to the workbook, on the table schema (schema/). The
// rules of a plan (limits, governance, figures) are the engine's (src/engine/supportPlan.ts).
export { assess, MissingTables, readPlanBook, WorkbookProblem } from "./plans/book";
export type { Assessment, PlanBook, PlanSummary, Person, Progress, Service } from "./plans/book";
export { openPlan, planRow, savePlan, timestamp } from "./plans/planRows";
export type { OpenedPlan, PlanDates, PlanDecision, PlanToSave, SavedPlan } from "./plans/planRows";
export { repairPeopleFormulas } from "./plans/repair";
export type { PeopleRepair } from "./plans/repair";
export { readSettings, saveTolerance } from "./plans/settings";
export type { WorkbookTolerance } from "./plans/settings";
