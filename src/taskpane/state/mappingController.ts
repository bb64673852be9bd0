// Settings › Your workbook's work with the workbook: each operation reads or writes through the Workbook port and ends
// in one action. The mapping is saved in the WorkbookMapping table and the pane's MappedWorkbook reads it again, so
// every view uses it from its next read. Errors reach the user as the other views' do (noticeOf).
import { MappingContext, previewMapping, readMappingContext, suggestMapping } from "../../workbook/mapping/draft";
import { MappedWorkbook, readSource } from "../../workbook/mapping/mappedWorkbook";
import {
  isRange,
  parseRange,
  Role,
  ROLES,
  RoleMapping,
  sourceText,
  WorkbookMapping,
} from "../../workbook/mapping/model";
import { addCalculatedColumns, saveMapping } from "../../workbook/mapping/save";
import { timestamp } from "../../workbook/planBook";
import { sameName, Workbook } from "../../workbook/port";
import {
  BUDGET_PROFILE,
  BUDGETS,
  DP_BALANCES,
  PAYMENT_IMPORT_COLUMNS,
  PAYMENTS,
  PLAN_LINES,
  PLAN_SETTINGS,
  PLAN_SETTINGS_HISTORY,
  PLANS,
  PROPOSED_PRICE_POINTS,
  WORKBOOK_MAPPING,
} from "../../workbook/schema/tables";
import { setUpWorkbook, starterTableNames } from "../../workbook/starter";
import { andList, MappingAction, MappingState, MappingSurvey, newDraft, RoleStatus } from "./mapping";
import { noticeOf } from "./planController";

export interface MappingController {
  /** Reads what the workbook holds for each of the add-in's tables (when the view opens, and after each change). */
  survey(): Promise<void>;
  /** Starts mapping one of the add-in's tables: its current mapping, read again, or a fresh one. */
  edit(state: MappingState, role: Role): Promise<void>;
  /** Reads a table of the council's and suggests its columns. */
  chooseTable(state: MappingState, table: string): Promise<void>;
  /** Reads the range typed and suggests its columns. */
  readRange(state: MappingState): Promise<void>;
  /** Saves the draft in the WorkbookMapping table, adding People's calculated columns where it says so. */
  save(state: MappingState): Promise<void>;
  /** Maps one of the add-in's tables no more: its own table (if any) is used again. */
  unmap(state: MappingState, role: Role): Promise<void>;
  /** Adds the add-in's own tables the workbook still lacks (Set up), now that the council's are mapped. */
  setUp(): Promise<void>;
}

/** The add-in's own tables (made by Set up and the views): not offered as a council's table to map. */
const ADD_INS_OWN = [
  PLANS,
  PLAN_LINES,
  PLAN_SETTINGS,
  PLAN_SETTINGS_HISTORY,
  BUDGETS,
  PAYMENTS,
  DP_BALANCES,
  BUDGET_PROFILE,
  PAYMENT_IMPORT_COLUMNS,
  PROPOSED_PRICE_POINTS,
  WORKBOOK_MAPPING,
].map((spec) => spec.name);

/** The pane's workbook, as the mapping it reads through. */
const mappedOf = (workbook: Workbook) => (workbook instanceof MappedWorkbook ? workbook : new MappedWorkbook(workbook));

async function surveyOf(mapped: MappedWorkbook): Promise<MappingSurvey> {
  const [names, own, read] = await Promise.all([mapped.names(), mapped.base.names(), mapped.mapping()]);
  const context: MappingContext = await readMappingContext(mapped);
  const has = (tables: readonly string[], name: string) => tables.some((table) => sameName(table, name));
  const roles = ROLES.map((role): RoleStatus => {
    const entry = read.mapping.find((candidate) => candidate.role === role);
    if (entry) return { role, state: "mapped", source: sourceText(entry.source), present: has(names.tables, role) };
    return { role, state: has(own.tables, role) ? "own" : "missing" };
  });
  return {
    mapping: read.mapping,
    problems: read.problems,
    roles,
    tables: own.tables.filter((table) => !has(ADD_INS_OWN, table)),
    sheets: own.sheets,
    // A table mapped to one of yours that is gone is mapped again, not set up anew.
    toSetUp: starterTableNames().filter(
      (name) => !has(names.tables, name) && !read.mapping.some((entry) => sameName(entry.role, name)),
    ),
    context,
  };
}

/** The mapping with one role's entry put in (in the add-in's order of tables), or taken out. */
function withEntry(mapping: WorkbookMapping, role: Role, entry: RoleMapping | null): WorkbookMapping {
  return ROLES.flatMap((each) => {
    if (each === role) return entry ? [entry] : [];
    return mapping.filter((other) => other.role === each);
  });
}

export function mappingController(
  workbook: Workbook,
  dispatch: (action: MappingAction) => void,
  now: () => Date = () => new Date(),
): MappingController {
  const mapped = mappedOf(workbook);

  async function read(state: MappingState, source: RoleMapping["source"]) {
    const { draft, survey: current } = state;
    if (!draft || !current) return;
    dispatch({ type: "workStarted", label: `Reading ${sourceText(source)}` });
    try {
      const data = await readSource(mapped.base, source);
      if (!data) {
        const what = isRange(source) ? `no sheet called ${source.sheet}` : `no table called ${source.table}`;
        dispatch({ type: "sourceFailed", problem: `The workbook has ${what}.` });
        return;
      }
      const saved = current.mapping.find((entry) => entry.role === draft.role);
      const same = saved && sourceText(saved.source) === sourceText(source);
      const entry = same ? saved : suggestMapping(draft.role, source, data, current.context);
      dispatch({ type: "sourceRead", data, entry });
    } catch (error) {
      dispatch({ type: "failed", message: noticeOf(error, "The workbook needs attention") });
    }
  }

  return {
    async survey() {
      dispatch({ type: "workStarted", label: "Reading the workbook" });
      try {
        dispatch({ type: "surveyed", survey: await surveyOf(mapped) });
      } catch (error) {
        dispatch({ type: "failed", message: noticeOf(error, "The workbook needs attention") });
      }
    },

    async edit(state, role) {
      const entry = state.survey?.mapping.find((candidate) => candidate.role === role);
      if (!entry) {
        dispatch({ type: "editStarted", draft: newDraft(role) });
        return;
      }
      const draft = {
        ...newDraft(role),
        kind: isRange(entry.source) ? ("range" as const) : ("table" as const),
        table: isRange(entry.source) ? "" : entry.source.table,
        range: isRange(entry.source) ? sourceText(entry.source) : "",
      };
      dispatch({ type: "editStarted", draft });
      await read({ ...state, draft }, entry.source);
    },

    async chooseTable(state, table) {
      if (!state.draft) return;
      const draft = { ...state.draft, kind: "table" as const, table };
      dispatch({ type: "editStarted", draft: { ...draft, data: null, entry: null } });
      if (table !== "") await read({ ...state, draft }, { table });
    },

    async readRange(state) {
      if (!state.draft) return;
      const source = parseRange(state.draft.range);
      if (!source) {
        dispatch({
          type: "sourceFailed",
          problem: `Type the range with its sheet, such as 'Price bands'!B3:F7 (the header row first).`,
        });
        return;
      }
      await read(state, source);
    },

    async save(state) {
      const { draft, survey: current } = state;
      if (!draft?.entry || !draft.data || !current) return;
      const preview = previewMapping(draft.entry, draft.data, current.context);
      if (preview.blocking.length > 0) {
        dispatch({
          type: "failed",
          message: { intent: "warning", title: "Not saved", text: "Put these right first:", items: preview.blocking },
        });
        return;
      }
      dispatch({ type: "workStarted", label: `Saving the mapping of ${draft.role}` });
      try {
        await saveMapping(mapped.base, withEntry(current.mapping, draft.role, draft.entry));
        await mapped.reload();
        const added = await addCalculatedColumns(mapped);
        const source = sourceText(draft.entry.source);
        const text = [
          `${draft.role} is now ${source}: every view reads it from there, and every sheet the add-in writes names ` +
            `it. Nothing of yours was renamed, moved or reformatted.`,
          ...(added.length > 0
            ? [
                `${andList(added)} ${added.length > 1 ? "were" : "was"} added at the right of ${source}, as ` +
                  "live formulas.",
              ]
            : []),
          ...(preview.problems.length > 0
            ? [
                preview.problems.length === 1
                  ? "One row has a problem, named above: the add-in leaves it out, or says why, until it is put right."
                  : `${preview.problems.length} rows have problems, named above: the add-in leaves them out, or ` +
                    "says why, until they are put right.",
              ]
            : []),
        ].join(" ");
        dispatch({
          type: "surveyed",
          survey: await surveyOf(mapped),
          message: { intent: "success", title: "Mapping saved", text },
        });
      } catch (error) {
        dispatch({ type: "failed", message: noticeOf(error, "Mapping not saved") });
      }
    },

    async unmap(state, role) {
      if (!state.survey) return;
      dispatch({ type: "workStarted", label: `Unmapping ${role}` });
      try {
        await saveMapping(mapped.base, withEntry(state.survey.mapping, role, null));
        await mapped.reload();
        dispatch({
          type: "surveyed",
          survey: await surveyOf(mapped),
          message: {
            intent: "success",
            title: "Mapping saved",
            text: `${role} is no longer mapped: the add-in reads its own ${role} table, if the workbook has one.`,
          },
        });
      } catch (error) {
        dispatch({ type: "failed", message: noticeOf(error, "Mapping not saved") });
      }
    },

    async setUp() {
      dispatch({ type: "workStarted", label: "Setting up what is missing" });
      try {
        const report = await setUpWorkbook(mapped, { today: timestamp(now()).slice(0, 10) });
        const made = report.created.map((created) => `${created.table} (on ${created.sheet})`);
        dispatch({
          type: "surveyed",
          survey: await surveyOf(mapped),
          message: {
            intent: "success",
            title: "Workbook set up",
            text:
              made.length > 0
                ? `Added ${andList(made)}. Your own tables were kept as they are.`
                : "The workbook already has everything the add-in needs.",
          },
        });
      } catch (error) {
        dispatch({ type: "failed", message: noticeOf(error, "Not set up") });
      }
    },
  };
}
