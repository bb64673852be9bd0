// Settings › Your workbook, as state: what the workbook holds for each of the add-in's tables (a table of the
// council's mapped to it, the add-in's own, or nothing yet), and the one being mapped: where its cells are (a table,
// or a range typed), which of its columns is each of the add-in's (suggested by header), and what the add-in would
// read through that (mappingPreview). One reducer with named actions and no effects; the workbook work is in
// mappingController.ts.
import { inTableOrder, MappingContext, MappingPreview, previewMapping } from "../../workbook/mapping/draft";
import {
  ColumnMapping,
  INDICATIVE_BUDGET,
  POINTS,
  Role,
  RoleMapping,
  WorkbookMapping,
} from "../../workbook/mapping/model";
import { sameName, TableData } from "../../workbook/port";
import { Notice } from "./planEditor";

/** What the workbook holds for one of the add-in's tables. */
export type RoleStatus =
  | { readonly role: Role; readonly state: "mapped"; readonly source: string; readonly present: boolean }
  | { readonly role: Role; readonly state: "own" }
  | { readonly role: Role; readonly state: "missing" };

/** The workbook as the mapping step sees it. */
export interface MappingSurvey {
  readonly mapping: WorkbookMapping;
  /** Rows of the WorkbookMapping table that cannot be used, each named. */
  readonly problems: readonly string[];
  readonly roles: readonly RoleStatus[];
  /** The council's tables and sheets, to pick from. */
  readonly tables: readonly string[];
  readonly sheets: readonly string[];
  /** What "Set up what is missing" would still add. */
  readonly toSetUp: readonly string[];
  readonly context: MappingContext;
}

/** One of the add-in's tables being mapped. */
export interface MappingDraft {
  readonly role: Role;
  readonly kind: "table" | "range";
  /** The table chosen, or the range typed. */
  readonly table: string;
  readonly range: string;
  /** The source's cells, once read, and the mapping made of them. */
  readonly data: TableData | null;
  readonly entry: RoleMapping | null;
  /** Why the range typed cannot be read. */
  readonly sourceProblem: string | null;
}

export interface MappingState {
  readonly survey: MappingSurvey | null;
  readonly draft: MappingDraft | null;
  /** Work under way, in words. */
  readonly busy: string | null;
  readonly message: Notice | null;
}

/** The choice of "the add-in calculates it" for People's Points (its column added at the table's right). */
export const ADDED = "(added by the add-in)";

export type MappingAction =
  | { readonly type: "workStarted"; readonly label: string }
  | { readonly type: "surveyed"; readonly survey: MappingSurvey; readonly message?: Notice }
  | { readonly type: "failed"; readonly message: Notice }
  | { readonly type: "editStarted"; readonly draft: MappingDraft }
  | { readonly type: "kindChosen"; readonly kind: MappingDraft["kind"] }
  | { readonly type: "rangeTyped"; readonly range: string }
  | { readonly type: "sourceRead"; readonly data: TableData; readonly entry: RoleMapping }
  | { readonly type: "sourceFailed"; readonly problem: string }
  | { readonly type: "columnChosen"; readonly field: string; readonly header: string }
  | { readonly type: "spanChosen"; readonly end: "first" | "last"; readonly header: string }
  | { readonly type: "cancelled" };

export const initialMapping: MappingState = { survey: null, draft: null, busy: "Reading the workbook", message: null };

/** A fresh draft for a role: a table picked from the list, or (for a grid) a range typed. */
export function newDraft(role: Role): MappingDraft {
  return { role, kind: "table", table: "", range: "", data: null, entry: null, sourceProblem: null };
}

/** The entry with one of the add-in's columns given the council's `header` ("" for none, ADDED for the add-in's). */
function withColumn(entry: RoleMapping, data: TableData, field: string, header: string): RoleMapping {
  const others = entry.columns.filter((column) => !sameName(column.field, field));
  if (header === "") return { ...entry, columns: others };
  const added = header === ADDED;
  const free = (wanted: string) =>
    [wanted, `${wanted} (PB)`].find((name) => !data.headers.some((taken) => sameName(taken.trim(), name))) ?? wanted;
  const column: ColumnMapping = { field, header: added ? free(field) : header, added };
  // A column of the council's is one of the add-in's only once: choosing it here takes it from another.
  const rest = added ? others : others.filter((other) => other.added || !sameName(other.header, header));
  return { ...entry, columns: inTableOrder([...rest, column], data.headers) };
}

function draftReducer(draft: MappingDraft, action: MappingAction): MappingDraft {
  switch (action.type) {
    case "kindChosen":
      return { ...draft, kind: action.kind, data: null, entry: null, sourceProblem: null };
    case "rangeTyped":
      return { ...draft, range: action.range, sourceProblem: null };
    case "sourceRead":
      return { ...draft, data: action.data, entry: action.entry, sourceProblem: null };
    case "sourceFailed":
      return { ...draft, data: null, entry: null, sourceProblem: action.problem };
    case "columnChosen":
      if (!draft.entry || !draft.data) return draft;
      return { ...draft, entry: withColumn(draft.entry, draft.data, action.field, action.header) };
    case "spanChosen": {
      if (!draft.entry || !draft.data) return draft;
      const headers = draft.data.headers;
      const span = draft.entry.span ?? { first: headers[0], last: headers[headers.length - 1] };
      return { ...draft, entry: { ...draft.entry, span: { ...span, [action.end]: action.header } } };
    }
    default:
      return draft;
  }
}

export function mappingReducer(state: MappingState, action: MappingAction): MappingState {
  switch (action.type) {
    case "workStarted":
      return { ...state, busy: action.label, message: null };
    case "surveyed":
      return { ...state, survey: action.survey, draft: null, busy: null, message: action.message ?? null };
    case "failed":
      return { ...state, busy: null, message: action.message };
    case "editStarted":
      return { ...state, draft: action.draft, busy: null, message: null };
    case "cancelled":
      return { ...state, draft: null, message: null };
    case "sourceRead":
    case "sourceFailed":
      return state.draft ? { ...state, busy: null, draft: draftReducer(state.draft, action) } : state;
    default:
      return state.draft ? { ...state, draft: draftReducer(state.draft, action) } : state;
  }
}

/** What the add-in would read through the draft, or null before its source is read. */
export function draftPreview(state: MappingState): MappingPreview | null {
  const { draft, survey } = state;
  if (!draft?.entry || !draft.data || !survey) return null;
  return previewMapping(draft.entry, draft.data, survey.context);
}

/** The draft's column for one of the add-in's, as its choice box shows it. */
export function chosenColumn(draft: MappingDraft, field: string): string {
  const column = draft.entry?.columns.find((candidate) => sameName(candidate.field, field));
  if (!column) return "";
  return column.added ? ADDED : column.header;
}

/** The add-in's columns the draft adds to the council's table (People's Points and Indicative budget). */
export function addedColumns(draft: MappingDraft): string[] {
  return (draft.entry?.columns ?? [])
    .filter((column) => column.added && [POINTS, INDICATIVE_BUDGET].includes(column.field))
    .filter((column) => !draft.data?.headers.some((header) => sameName(header.trim(), column.header)))
    .map((column) => column.header);
}

/** What leaving the view would lose: a mapping being made. */
export function unsavedMapping(state: MappingState): string[] {
  return state.draft?.entry ? [`the mapping of ${state.draft.role} you have not saved`] : [];
}

/** "A", "A and B", "A, B and C". */
export function andList(items: readonly string[]): string {
  return items.length <= 1 ? items.join("") : `${items.slice(0, -1).join(", ")} and ${items[items.length - 1]}`;
}
