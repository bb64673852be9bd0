// The parts of the support-plan view that show a read workbook: the person and plan search and the assessment.
// One chunk (Fluent's combobox and positioning come with it), downloaded once the pane has drawn its first
// screen, which none of them is on.
export { AssessmentSummary } from "./AssessmentSummary";
export { SearchCombobox } from "./SearchCombobox";
