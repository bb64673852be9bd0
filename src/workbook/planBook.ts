// The plan book: what the pane reads from and writes to the workbook, on the table schema (schema/). The
// rules of a plan (limits, governance, figures) are the engine's (src/engine/supportPlan.ts).
export { assess, MissingTables, readPlanBook, WorkbookProblem } from "./plans/book";
export type { Assessment, PlanBook, PlanSummary, Person, Progress, Service } from "./plans/book";
export { AgreedPlansOverlap, openPlan, planRow, savePlan, timestamp } from "./plans/planRows";
export type { LineKey, OpenedPlan, PlanDates, PlanDecision, PlanToSave, SavedPlan } from "./plans/planRows";
export type { SaveOptions } from "./plans/planRows";
export { ChangedSinceRead, newPlansOf, planChangeSince, plansSavedSince } from "./plans/colleagues";
export type { PlanSavedSince, PlanSeen } from "./plans/colleagues";
export { lightReview, readLightReview } from "./plans/lightReview";
export type { LightReview } from "./plans/lightReview";
export { repairPeopleFormulas } from "./plans/repair";
export type { PeopleRepair } from "./plans/repair";
export { changeNoteProblems, readSettingChanges, readSettings, saveTolerance } from "./plans/settings";
export type { ChangeNote, SettingChange, WorkbookTolerance } from "./plans/settings";
export { appendHistory, HistoryNotRecorded, historyRow, readPlanHistory, savePlanRecorded } from "./plans/history";
export type { PlanHistoryRow } from "./plans/history";
export { readTypedWeeks, readWorkbookWeeks, saveWeeksInYear, weeksOf } from "./plans/weeksInYear";
export type { WorkbookWeeks } from "./plans/weeksInYear";
