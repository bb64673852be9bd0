// The parts of the support-plan view that show a read workbook: the person and plan search, the assessment and the
// reviews due.
// One chunk (Fluent's combobox and positioning come with it), downloaded once the pane has drawn its first
// screen, which none of them is on.
export { AssessmentSummary } from "./AssessmentSummary";
export { ReviewsDue } from "./ReviewsDue";
export { SearchCombobox } from "./SearchCombobox";
