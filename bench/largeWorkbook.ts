// The support-plan pane on a council-sized workbook (issue 11): 5,000 people, 2,000 saved plans and 15,000
// plan lines in the in-memory workbook, calculating People's PB formulas as the preview does. Times the
// pane's own work — its state machine and controller, as the pane runs them — to load the workbook, open a
// plan and save one. Best of several runs each.
import { generateCustomFunctionsMetadata } from "custom-functions-metadata";
import { performance } from "perf_hooks";
import { checkLine, DEFAULT_TOLERANCE, Decimal, planFigures, SupportPlanLine } from "../src/engine";
import * as PB from "../src/functions/functions";
import { planController } from "../src/taskpane/state/planController";
import { initialState, PlanEditorAction, planEditorReducer } from "../src/taskpane/state/planEditor";
import { customFunctionLibrary } from "../src/workbook/memory/customFunctions";
import { MemoryWorkbook } from "../src/workbook/memory/memoryWorkbook";
import { formulaEngine } from "../src/workbook/memory/formulaEngine";
import { assess, lightReview, planRow, readPlanBook } from "../src/workbook/planBook";

/** The starter workbook's weeks in a year. */
const WEEKS = new Decimal(52);
import { cellsOf, columnWrites, fieldsOf, RowOf } from "../src/workbook/schema/rows";
import { peopleColumns, PLAN_LINES, PLANS } from "../src/workbook/schema/tables";
import { setUpWorkbook } from "../src/workbook/starter";

const PEOPLE = 5_000;
const PLANS_SAVED = 2_000;
const LINES = 15_000;
const CARE_GROUPS = ["Older people", "Physical disability", "Learning disability", "Mental health"];

/** A repeatable stream of numbers in [0, 1). */
function seeded(seed: number) {
  return () => ((seed = (Math.imul(seed ^ (seed >>> 15), 1 | seed) + 0x6d2b79f5) | 0) >>> 0) / 4294967296;
}

/** The starter workbook grown to a council's size, its plans costed by the engine as the pane saves them. */
export async function councilWorkbook(): Promise<MemoryWorkbook> {
  const random = seeded(20261124);
  const generated = await generateCustomFunctionsMetadata("src/functions/functions.ts");
  const workbook = new MemoryWorkbook({ formulas: formulaEngine, functions: customFunctionLibrary(generated, PB) });
  await setUpWorkbook(workbook);
  const scoring = (await workbook.readTable("Scoring"))!;
  const questions = scoring.rows.map((row) => String(row[0]));
  const starterPeople = (await workbook.readTable("People"))!.rows.length;
  const people = Array.from({ length: PEOPLE - starterPeople }, (_, index) => [
    `Q${String(index + 1).padStart(5, "0")}`,
    `Person ${index + 1}`,
    CARE_GROUPS[Math.floor(random() * CARE_GROUPS.length)],
    ...questions.map(() => "ABCD"[Math.floor(random() * 4)]),
    null,
    null,
  ]);
  await workbook.editTables([{ table: "People", columns: peopleColumns(questions), append: people }]);

  const book = await readPlanBook(workbook);
  const priced = book.people.flatMap((person) => {
    const assessment = assess(book, person);
    return "problem" in assessment ? [] : [{ person, indicative: assessment.budget.result }];
  });
  const planRows: RowOf<typeof PLANS>[] = [];
  const lineRows: RowOf<typeof PLAN_LINES>[] = [];
  for (let plan = 0; plan < PLANS_SAVED; plan++) {
    const { person, indicative } = priced[Math.floor(random() * priced.length)];
    const planId = `PLAN-${String(plan + 1).padStart(4, "0")}`;
    const count = plan < LINES - 7 * PLANS_SAVED ? 8 : 7; // 15,000 lines over 2,000 plans
    const lines: SupportPlanLine[] = Array.from({ length: count }, () => {
      const service = book.services[Math.floor(random() * book.services.length)];
      const line = (quantity: string) =>
        checkLine({ ...service, quantity, unitCost: service.unitCost.toString() }).line;
      // Half an hour to four hours, days, meals…; one of a thing a week can hold only one of (live-in care).
      return line(String(Math.ceil(random() * 8) / 2)) ?? line("1")!;
    });
    lines.forEach((line, at) =>
      lineRows.push({
        planId,
        line: new Decimal(at + 1),
        ...line,
        annualCost: planFigures([line], new Decimal(0), DEFAULT_TOLERANCE, WEEKS).annual,
      }),
    );
    const figures = planFigures(lines, indicative, DEFAULT_TOLERANCE, WEEKS);
    const saved = {
      planId,
      personId: person.id,
      lines: lines.map((line, at) => ({ ...line, savedLine: at + 1 })),
      status: figures.light === "Green" ? "Agreed" : "Draft",
      reason: "",
      signedOffBy: "",
      startDate: "2026-04-01",
      endDate: null,
      reviewDate: "2027-04-01",
      updatedBy: "Bench",
      updatedAt: "2026-11-24T14:05",
      figures,
      signedOffOn: null,
      tolerance: DEFAULT_TOLERANCE,
      ended: [],
      charge: null,
    } as const;
    planRows.push(planRow(saved, person));
  }
  await workbook.editTables([
    {
      table: "PlanLines",
      columns: columnWrites(PLAN_LINES),
      append: lineRows.map((row) => cellsOf(PLAN_LINES, row, fieldsOf(PLAN_LINES))),
    },
    {
      table: "Plans",
      columns: columnWrites(PLANS),
      append: planRows.map((row) => cellsOf(PLANS, row, fieldsOf(PLANS))),
    },
  ]);
  return workbook;
}

/** The pane without React: its reducer holds the state, its controller does the work. */
function pane(workbook: MemoryWorkbook) {
  let state = initialState("Bench");
  const dispatch = (action: PlanEditorAction) => (state = planEditorReducer(state, action));
  const controller = planController(workbook, dispatch, () => new Date(2026, 10, 24, 14, 5));
  return { controller, dispatch, state: () => state };
}

async function fastest(runs: number, work: () => Promise<number>): Promise<number> {
  let best = Infinity;
  for (let run = 0; run < runs; run++) best = Math.min(best, await work());
  return best;
}

async function timed(work: () => Promise<void>): Promise<number> {
  const start = performance.now();
  await work();
  return performance.now() - start;
}

export interface LargeWorkbookFigures {
  readonly people: number;
  readonly plans: number;
  readonly lines: number;
  readonly loadMs: number;
  readonly openMs: number;
  readonly saveMs: number;
  /** The Agreed plans' lights checked against today's tolerance and budgets, as the pane does on each read. */
  readonly lightReviewMs: number;
  readonly agreedPlans: number;
}

export async function measureLargeWorkbook(): Promise<LargeWorkbookFigures> {
  const workbook = await councilWorkbook();
  // The People formulas calculate, as in the preview: P001 scores 36 (see the end-to-end test).
  const people = (await workbook.readTable("People"))!;
  const points = people.rows[0][people.headers.indexOf("Points")];
  if (points !== 36) throw new Error(`The People table is not calculated: P001 has ${String(points)} points`);
  const loadMs = await fastest(3, async () => {
    const { controller, state } = pane(workbook);
    const ms = await timed(() => controller.load());
    const book = state().book;
    if (book?.people.length !== PEOPLE || book.plans.length !== PLANS_SAVED) throw new Error("The pane did not load");
    return ms;
  });

  const editor = pane(workbook);
  await editor.controller.load();
  // Every Agreed plan's light under today's rules, as the pane checks them on each read: each plan's person scored
  // and priced again, no light differing. The council's Agreed plans (the workbook's few, each checked as many times
  // as make up all its plans: a council whose every plan is agreed).
  const loaded = editor.state().book!;
  const agreed = loaded.agreed.plans;
  const book = {
    ...loaded,
    agreed: {
      plans: Array.from({ length: PLANS_SAVED }, (_, at) => ({ ...agreed[at % agreed.length], planId: `A-${at}` })),
      unread: [],
    },
  };
  const lightReviewMs = await fastest(5, () =>
    timed(async () => {
      const review = await Promise.resolve(lightReview(book, "2026-11-24"));
      if (review.changed.length > 0 || review.unchecked.length > 0 || review.problem !== null) {
        throw new Error(`The review found ${review.changed.length} changed and ${review.unchecked.length} unchecked`);
      }
    }),
  );
  const open = async (planId: string) => {
    const ms = await timed(() => editor.controller.request(editor.state(), { kind: "openPlan", planId }));
    if (editor.state().plan?.planId !== planId) throw new Error(`Plan ${planId} did not open`);
    return ms;
  };
  let next = 0;
  const openMs = await fastest(5, () => open(`PLAN-${String((next += 397)).padStart(4, "0")}`));

  const saveMs = await fastest(5, async () => {
    await open(`PLAN-${String(((next += 397) % PLANS_SAVED) + 1).padStart(4, "0")}`);
    const line = editor.state().plan!.lines[0];
    editor.dispatch({ type: "statusChanged", status: "Draft" }); // a draft may be saved whatever its light
    editor.dispatch({
      type: "lineEdited",
      key: line.key,
      field: "quantity",
      value: line.quantity === "1" ? "0.5" : "1",
    });
    const ms = await timed(() => editor.controller.save(editor.state()));
    if (editor.state().saveMessage?.intent !== "success")
      throw new Error(`Not saved: ${editor.state().saveMessage?.text}`);
    return ms;
  });
  const lines = (await workbook.readTable("PlanLines"))!.rows.length;
  const agreedPlans = book.agreed.plans.length;
  return { people: PEOPLE, plans: PLANS_SAVED, lines, loadMs, openMs, saveMs, lightReviewMs, agreedPlans };
}
