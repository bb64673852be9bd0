// The plan editor's state machine, without a browser: the reducer's named actions, and the controller
// driving it against the in-memory workbook as the pane does.
import fc from "fast-check";
import { checkLine, Decimal, lineAnnualCost, planFigures, planTotals } from "../../src/engine";
import { MemoryWorkbook } from "../../src/workbook/memory/memoryWorkbook";
import { formulaEngine } from "../../src/workbook/memory/formulaEngine";
import { PlanBook, readPlanBook } from "../../src/workbook/planBook";
import { setUpWorkbook } from "../../src/workbook/starter";
import { planController } from "../../src/taskpane/state/planController";
import {
  FOCUS,
  initialState,
  planCostText,
  planEditorReducer,
  PlanEditorAction,
  PlanEditorState,
  planUnsaved,
} from "../../src/taskpane/state/planEditor";
import { dateProblems, derivePlan, prepareSave, problemShown } from "../../src/taskpane/state/planSaving";

const AT = new Date(2026, 10, 24, 14, 5);

async function starter(): Promise<{ workbook: MemoryWorkbook; book: PlanBook }> {
  const workbook = new MemoryWorkbook({ formulas: formulaEngine });
  await setUpWorkbook(workbook);
  return { workbook, book: await readPlanBook(workbook) };
}

const reduce = (state: PlanEditorState, ...actions: PlanEditorAction[]) => actions.reduce(planEditorReducer, state);

/** The pane without React: the reducer holds the state, the controller does the work. */
function pane(workbook: MemoryWorkbook, name = "Sam Reid") {
  let state = initialState(name);
  const actions: PlanEditorAction[] = [];
  const dispatch = (action: PlanEditorAction) => {
    actions.push(action);
    state = planEditorReducer(state, action);
  };
  return {
    get state() {
      return state;
    },
    actions,
    dispatch,
    controller: planController(workbook, dispatch, () => AT),
  };
}

async function loaded(name = "Sam Reid") {
  const { workbook, book } = await starter();
  return { workbook, book, state: reduce(initialState(name), { type: "loaded", book, message: null }) };
}

const addService = (service: string): PlanEditorAction[] => [
  { type: "catalogueChosen", service },
  { type: "catalogueLineAdded" },
];

describe("the plan editor's actions", () => {
  it("loaded: the workbook is read, with its tolerance, nothing is busy", async () => {
    const { state } = await loaded();
    expect(state.busy).toBeNull();
    expect(state.book?.tolerance.percentages).toEqual({ green: "10", amber: "50" });
    expect(state.book?.people).toHaveLength(20);
  });

  it("person picked: a new plan with no light yet — an empty plan is not an alarm", async () => {
    const { state } = await loaded();
    const picked = reduce(state, { type: "personPicked", personId: "P001", discard: false });
    const derived = derivePlan(picked);
    expect(derived.person?.name).toBe("Margaret Ellis");
    // 20 × £150 + 16 × £200 = £6,200 (see the end-to-end test for P001's 36 points).
    expect(derived.assessment && "budget" in derived.assessment && derived.assessment.budget.result.toString()).toBe(
      "6200",
    );
    expect(derived.costed?.againstBudget).toBeNull();
    expect(planUnsaved(picked)).toBe(false);
  });

  it("catalogue line added: ready, the choice reset, focus on the new line; an unknown choice refused", async () => {
    const { state } = await loaded();
    const added = reduce(
      state,
      { type: "personPicked", personId: "P001", discard: false },
      ...addService("Day centre"),
    );
    const [line] = added.plan!.lines;
    expect(line).toMatchObject({ service: "Day centre", quantity: "1", unit: "day", unitCost: "45.00", shown: "all" });
    expect(added.catalogue).toEqual({ choice: "", problem: null });
    expect(added.focus?.id).toBe(FOCUS.line(line.key, "service"));
    expect(planUnsaved(added)).toBe(true);
    const refused = reduce(added, { type: "catalogueChosen", service: "Gardening" }, { type: "catalogueLineAdded" });
    expect(refused.catalogue.problem).toBe(
      'There is no service called "Gardening" in the Services table. Pick one from the list, or add a typed line.',
    );
    expect(refused.plan!.lines).toHaveLength(1);
    expect(refused.focus?.id).toBe(FOCUS.catalogue);
  });

  it("typed line added: no message until a field is left or Save is tried", async () => {
    const { state } = await loaded();
    const typed = reduce(state, { type: "personPicked", personId: "P001", discard: false }, { type: "typedLineAdded" });
    const line = typed.plan!.lines[0];
    expect(derivePlan(typed).checked.get(line.key)!.problems.service).toBe("A service is needed");
    expect(problemShown(typed.plan!, line, "service")).toBe(false);
    const left = reduce(typed, { type: "lineLeft", key: line.key, field: "service" });
    expect(problemShown(left.plan!, left.plan!.lines[0], "service")).toBe(true);
    expect(problemShown(left.plan!, left.plan!.lines[0], "quantity")).toBe(false);
    const tried = reduce(typed, { type: "saveRefused", problems: [{ message: "x", focus: FOCUS.catalogue }] });
    expect(problemShown(tried.plan!, tried.plan!.lines[0], "quantity")).toBe(true);
  });

  it("line removed: focus moves to the next line, or to the catalogue after the last", async () => {
    const { state } = await loaded();
    const three = reduce(
      state,
      { type: "personPicked", personId: "P001", discard: false },
      ...addService("Meals"),
      ...addService("Day centre"),
      ...addService("Telecare and community alarm"),
    );
    const [first, second, third] = three.plan!.lines;
    expect(reduce(three, { type: "lineRemoved", key: first.key }).focus?.id).toBe(FOCUS.line(second.key, "service"));
    expect(reduce(three, { type: "lineRemoved", key: third.key }).focus?.id).toBe(FOCUS.catalogue);
  });

  it("unsaved work is never replaced unasked: the replacing action waits as a question (8.5)", async () => {
    const { state } = await loaded();
    const edited = reduce(state, { type: "personPicked", personId: "P001", discard: false }, ...addService("Meals"));
    const asked = reduce(edited, { type: "personPicked", personId: "P002", discard: false });
    expect(asked.plan).toBe(edited.plan);
    expect(asked.pending).toEqual({ kind: "pickPerson", personId: "P002" });
    expect(reduce(asked, { type: "keepEditing" })).toMatchObject({ pending: null, plan: edited.plan });
    const discarded = reduce(
      asked,
      { type: "discardConfirmed" },
      { type: "personPicked", personId: "P002", discard: true },
    );
    expect(discarded.plan).toMatchObject({ personId: "P002", lines: [] });
    expect(discarded.pending).toBeNull();
  });

  it("save refused: every problem at once, in the pane's order, focus on the first", async () => {
    const { state } = await loaded("");
    const plan = reduce(
      state,
      { type: "personPicked", personId: "P001", discard: false },
      ...addService("Personal assistant"),
      { type: "statusChanged", status: "Agreed" },
    );
    const key = plan.plan!.lines[0].key;
    const bad = reduce(plan, { type: "lineEdited", key, field: "unitCost", value: "19.555" });
    const prepared = prepareSave(bad, "2026-11-24");
    expect(prepared).toEqual({
      problems: [
        {
          message: 'Line 1: Unit cost: pounds and pence only (at most 2 decimal places); got "19.555".',
          focus: FOCUS.line(key, "unitCost"),
        },
        { message: "Enter your name, so colleagues know who last changed the plan.", focus: FOCUS.updatedBy },
      ],
    });
    const refused = reduce(bad, { type: "saveRefused", problems: "problems" in prepared ? prepared.problems : [] });
    expect(refused.focus?.id).toBe(FOCUS.line(key, "unitCost"));
    expect(refused.saveMessage).toMatchObject({ intent: "error", title: "Not saved", text: "Fix these first:" });
    // 1 h × £19.55 × 52 = £1,016.60 against £6,200: 83.6% below, Red — agreed only with a reason and a manager.
    const red = reduce(plan, { type: "nameChanged", name: "Sam Reid" });
    const problems = prepareSave(red, "2026-11-24");
    expect("problems" in problems && problems.problems.map((problem) => problem.focus)).toEqual([
      FOCUS.reason,
      FOCUS.signedOffBy,
    ]);
  });
});

describe("the controller", () => {
  it("first load of an empty workbook: a calm note about setting up, not an error", async () => {
    const editor = pane(new MemoryWorkbook({ formulas: formulaEngine }));
    await editor.controller.load();
    expect(editor.state.book).toBeNull();
    expect(editor.state.busy).toBeNull();
    expect(editor.state.message).toMatchObject({ intent: "info", title: "Set up the workbook" });
  });

  it("the first read changes the pane's state once for an empty workbook, once a step for a set-up one", async () => {
    // Each new state is a render of the pane; the pane opens already showing "Reading the workbook".
    const statesSeen = async (workbook: MemoryWorkbook) => {
      const editor = pane(workbook);
      const states = [editor.state];
      const dispatch = editor.dispatch;
      const controller = planController(
        workbook,
        (action) => {
          dispatch(action);
          if (editor.state !== states[states.length - 1]) states.push(editor.state);
        },
        () => AT,
      );
      await controller.load();
      return states.map((state) => state.busy && `${state.busy.label} ${state.busy.done}/${state.busy.of}`);
    };
    expect(await statesSeen(new MemoryWorkbook({ formulas: formulaEngine }))).toEqual([
      "Reading the workbook 0/0",
      null,
    ]);
    expect(await statesSeen((await starter()).workbook)).toEqual([
      "Reading the workbook 0/0",
      "Reading the scoring sheet and price points 1/4",
      "Reading people and services 2/4",
      "Reading saved plans and the tolerance 3/4",
      "Done 4/4",
      null,
    ]);
  });

  it("work started after a message clears it, so the next message is announced as new", () => {
    const told = reduce(initialState("Sam Reid"), {
      type: "loadFailed",
      message: { intent: "info", title: "Set up the workbook", text: "" },
    });
    const again = reduce(told, { type: "workStarted", label: "Reading the workbook" });
    expect(again.message).toBeNull();
    expect(again.busy).toEqual({ label: "Reading the workbook", done: 0, of: 0 });
  });

  it("saves, keeping edits typed while the save was written as unsaved work", async () => {
    const { workbook } = await starter();
    const editor = pane(workbook);
    await editor.controller.load();
    editor.dispatch({ type: "personPicked", personId: "P001", discard: false });
    addService("Day centre").forEach(editor.dispatch);
    const before = editor.state;
    const saving = editor.controller.save(before);
    // Typed after Save was pressed, before the workbook answered.
    editor.dispatch({ type: "lineEdited", key: before.plan!.lines[0].key, field: "quantity", value: "2" });
    await saving;
    expect(editor.state.saved?.lines[0].quantity.toString()).toBe("1");
    expect(editor.state.plan).toMatchObject({ planId: "PLAN-0001" });
    expect(planUnsaved(editor.state)).toBe(true);
    // 1 day × £45 × 52 = £2,340; ÷ 52 = £45; against £6,200: 62.3% below → Red.
    expect(editor.state.saveMessage).toEqual({
      intent: "success",
      title: "Saved plan PLAN-0001 to the Plans and PlanLines tables.",
      text: "£2,340.00 a year (£45.00 a week), Red, Draft.",
    });
    expect(editor.state.book?.plans.map((plan) => plan.planId)).toEqual(["PLAN-0001"]);
    // Saved again as it now is: nothing unsaved.
    await editor.controller.save(editor.state);
    expect(planUnsaved(editor.state)).toBe(false);
  });

  it("a saved sign-off is withdrawn when the lines change after it; a Red plan needs signing off again", async () => {
    const { workbook } = await starter();
    const editor = pane(workbook);
    await editor.controller.load();
    editor.dispatch({ type: "personPicked", personId: "P001", discard: false });
    addService("Day centre").forEach(editor.dispatch);
    // £2,340 a year against £6,200: Red, so Agreed needs a reason and a manager's sign-off.
    editor.dispatch({ type: "statusChanged", status: "Agreed" });
    editor.dispatch({ type: "planFieldEdited", field: "reason", value: "Family care covers the rest" });
    editor.dispatch({ type: "planFieldEdited", field: "signedOffBy", value: "Alex Moss" });
    await editor.controller.save(editor.state);
    expect(editor.state.saved).toMatchObject({ status: "Agreed", signedOffBy: "Alex Moss" });
    await editor.controller.request(editor.state, { kind: "openPlan", planId: "PLAN-0001" });
    expect(editor.state.plan?.signedOffBy).toBe("Alex Moss");
    expect(derivePlan(editor.state).signOffWithdrawn).toBeNull();

    // The reason changes: the sign-off stays. A line changes: Alex Moss did not sign off these lines.
    editor.dispatch({ type: "planFieldEdited", field: "reason", value: "Family care covers evenings" });
    expect(editor.state.plan?.signedOffBy).toBe("Alex Moss");
    const key = editor.state.plan!.lines[0].key;
    // Half a day a week: £1,170 a year, still Red.
    editor.dispatch({ type: "lineEdited", key, field: "quantity", value: "0.5" });
    expect(editor.state.plan?.signedOffBy).toBe("");
    expect(derivePlan(editor.state).signOffWithdrawn).toBe("Alex Moss");
    const refused = prepareSave(editor.state, "2026-11-24");
    expect("problems" in refused && refused.problems.map((problem) => problem.focus)).toEqual([FOCUS.signedOffBy]);
    // Further edits do not bring it back; a manager's name typed now is the new sign-off.
    editor.dispatch({ type: "lineEdited", key, field: "quantity", value: "1" });
    expect(editor.state.plan?.signedOffBy).toBe("");
    editor.dispatch({ type: "planFieldEdited", field: "signedOffBy", value: "Jo Khan" });
    expect(editor.state.plan?.signedOffBy).toBe("Jo Khan");
    expect(derivePlan(editor.state).signOffWithdrawn).toBeNull();
    await editor.controller.save(editor.state);
    expect(editor.state.saved).toMatchObject({ signedOffBy: "Jo Khan" });
  });

  it("a new plan for someone with a saved plan says so, pointing to it", async () => {
    const { workbook } = await starter();
    const editor = pane(workbook);
    await editor.controller.load();
    editor.dispatch({ type: "personPicked", personId: "P001", discard: false });
    addService("Meals").forEach(editor.dispatch);
    await editor.controller.save(editor.state);
    expect(derivePlan(editor.state).otherPlans).toEqual([]); // the plan open is that plan
    await editor.controller.request(editor.state, { kind: "pickPerson", personId: "P001" });
    expect(editor.state.plan).toMatchObject({ planId: null, personId: "P001" });
    expect(derivePlan(editor.state).otherPlans.map((plan) => [plan.planId, plan.name])).toEqual([
      ["PLAN-0001", "Margaret Ellis"],
    ]);
  });

  it("asks before Refresh would drop unsaved work; discarding reads again and reopens the saved plan", async () => {
    const { workbook } = await starter();
    const editor = pane(workbook);
    await editor.controller.load();
    editor.dispatch({ type: "personPicked", personId: "P001", discard: false });
    addService("Meals").forEach(editor.dispatch);
    await editor.controller.save(editor.state);
    addService("Day centre").forEach(editor.dispatch);
    await editor.controller.request(editor.state, { kind: "refresh" });
    expect(editor.state.pending).toEqual({ kind: "refresh" });
    expect(editor.state.plan!.lines).toHaveLength(2);
    await editor.controller.discard(editor.state);
    expect(editor.state.pending).toBeNull();
    expect(editor.state.plan).toMatchObject({ planId: "PLAN-0001" });
    expect(editor.state.plan!.lines.map((line) => line.service)).toEqual(["Meals"]);
    expect(editor.state.message).toMatchObject({ intent: "success", title: "Refreshed" });
  });

  it("a save the workbook refuses is told beside the Save button, and the plan stays as typed", async () => {
    const { workbook } = await starter();
    const editor = pane(workbook);
    await editor.controller.load();
    editor.dispatch({ type: "personPicked", personId: "P001", discard: false });
    addService("Meals").forEach(editor.dispatch);
    await editor.controller.save(editor.state);
    addService("Day centre").forEach(editor.dispatch);
    // Someone deletes the plan's row in Excel meanwhile.
    await workbook.editTables([
      { table: "Plans", columns: [], delete: [{ row: 0, key: { header: "Plan ID", value: "PLAN-0001" } }] },
    ]);
    const plan = editor.state.plan;
    await editor.controller.save(editor.state);
    expect(editor.state.saveMessage).toEqual({
      intent: "warning",
      title: "Not saved",
      text: "Plan PLAN-0001 is no longer in the Plans table; it may have been deleted.",
    });
    expect(editor.state.plan).toBe(plan);
    expect(editor.state.busy).toBeNull();
  });

  it("an unexpected error is shown, not only logged, and leaves the pane as it was", async () => {
    const { workbook } = await starter();
    const editor = pane(workbook);
    await editor.controller.load();
    const before = editor.state;
    const broken = Object.assign(Object.create(workbook) as MemoryWorkbook, {
      readTable: () => Promise.reject(new TypeError("Cannot read properties of undefined (reading 'rows')")),
    });
    const logged = jest.spyOn(console, "error").mockImplementation(() => undefined);
    const failing = planController(broken, editor.dispatch, () => AT);
    await failing.request(editor.state, { kind: "refresh" });
    expect(logged).toHaveBeenCalled();
    logged.mockRestore();
    expect(editor.state.message).toEqual({
      intent: "error",
      title: "Something went wrong",
      text:
        "Cannot read properties of undefined (reading 'rows'). The pane shows the workbook as it was before; " +
        "try again, or Refresh.",
    });
    expect(editor.state.book).toBe(before.book);
    expect(editor.state.plan).toBe(before.plan);
    expect(editor.state.busy).toBeNull();
  });

  it("Refresh says how many People rows it gave their formulas back", async () => {
    const { workbook } = await starter();
    const editor = pane(workbook);
    await editor.controller.load();
    const key = { header: "Person ID", value: "P004" };
    const points = { header: "Points", numberFormat: "General" };
    await workbook.editTables([{ table: "People", columns: [points], update: [{ row: 3, key, values: [null] }] }]);
    await editor.controller.request(editor.state, { kind: "refresh" });
    expect(editor.state.message?.text).toBe(
      "Read people, prices, services, plans and the tolerance again. " +
        "Repaired 1 People row whose Points or Indicative budget formula was missing.",
    );
  });
});

describe("issue 21 in the plan editor", () => {
  it("a plan with a line not costed yet shows no total and no light (§7)", async () => {
    const { state } = await loaded();
    const plan = reduce(
      state,
      { type: "personPicked", personId: "P001", discard: false },
      ...addService("Day centre"),
      { type: "typedLineAdded" },
    );
    // Before: the totals and a Red light of the Day centre line alone were shown beside the blank line.
    expect(derivePlan(plan)).toMatchObject({ uncosted: 1, costed: null });
    const key = plan.plan!.lines[1].key;
    const typed = reduce(
      plan,
      { type: "lineEdited", key, field: "service", value: "Cleaning" },
      { type: "lineEdited", key, field: "quantity", value: "2" },
      { type: "lineEdited", key, field: "unit", value: "hour" },
      { type: "lineEdited", key, field: "unitCost", value: "abc" },
    );
    expect(derivePlan(typed)).toMatchObject({ uncosted: 1, costed: null });
    const costed = derivePlan(reduce(typed, { type: "lineEdited", key, field: "unitCost", value: "18.50" }));
    // £2,340 + 2 × £18.50 × 52 = £4,264 against £6,200: 31.2% below, Amber.
    expect(costed.uncosted).toBe(0);
    expect(costed.costed?.totals.annual.toString()).toBe("4264");
    expect(costed.costed?.againstBudget?.light).toBe("Amber");
  });

  it("an end or review date before the start is flagged once its box is left, not only on Save (§10)", async () => {
    const { state } = await loaded();
    const plan = reduce(
      state,
      { type: "personPicked", personId: "P001", discard: false },
      { type: "planFieldEdited", field: "startDate", value: "2026-10-01" },
      { type: "planFieldEdited", field: "endDate", value: "2026-09-30" },
    );
    expect(dateProblems(plan.plan!, "2026-11-24")).toEqual({});
    const left = reduce(plan, { type: "dateLeft", field: "endDate" });
    // Before: shown only once Save was tried.
    expect(dateProblems(left.plan!, "2026-11-24")).toEqual({
      endDate: "The end date must not be before the start date (1 Oct 2026)",
    });
    const review = reduce(
      left,
      { type: "planFieldEdited", field: "reviewDate", value: "2026-01-01" },
      { type: "dateLeft", field: "reviewDate" },
    );
    expect(Object.keys(dateProblems(review.plan!, "2026-11-24"))).toEqual(["endDate", "reviewDate"]);
  });

  it("a line says how many staff at once, 1 unless changed; its cost counts them (§11)", async () => {
    const { state } = await loaded();
    const plan = reduce(
      state,
      { type: "personPicked", personId: "P002", discard: false },
      ...addService("Live-in care"),
    );
    const line = plan.plan!.lines[0];
    expect(line.staff).toBe("1");
    const two = reduce(plan, { type: "lineEdited", key: line.key, field: "staff", value: "2" });
    // 1 week × £1,370 × 2 staff × 52 = £142,480
    expect(derivePlan(two).costed?.totals.annual.toString()).toBe("142480");
    const refused = reduce(plan, { type: "lineEdited", key: line.key, field: "staff", value: "0" });
    expect(derivePlan(refused).checked.get(line.key)?.problems.staff).toBe(
      'Staff at once: expected a whole number of staff at once, 1 to 10; got "0"',
    );
  });

  it("the problems after a failed save are a list of links to each field, in a sentence (§12)", async () => {
    const { state } = await loaded("");
    const plan = reduce(state, { type: "personPicked", personId: "P001", discard: false }, ...addService("Meals"));
    const key = plan.plan!.lines[0].key;
    const bad = reduce(plan, { type: "lineEdited", key, field: "quantity", value: "" });
    const prepared = prepareSave(bad, "2026-11-24");
    const refused = reduce(bad, { type: "saveRefused", problems: "problems" in prepared ? prepared.problems : [] });
    expect(refused.saveMessage).toEqual({
      intent: "error",
      title: "Not saved",
      text: "Fix these first:",
      items: [
        { text: "Line 1: A quantity is needed.", focus: FOCUS.line(key, "quantity") },
        { text: "Enter your name, so colleagues know who last changed the plan.", focus: FOCUS.updatedBy },
      ],
    });
    const one = reduce(plan, { type: "saveRefused", problems: [{ message: "Add a line.", focus: FOCUS.catalogue }] });
    expect(one.saveMessage).toMatchObject({
      text: "Fix this first:",
      items: [{ text: "Add a line.", focus: FOCUS.catalogue }],
    });
  });

  it("the weekly plan cost says when it spreads one-off items over the year (§9)", () => {
    const figures = (annual: string, weekly: string, oneOff: string) => ({
      annual: new Decimal(annual),
      weekly: new Decimal(weekly),
      oneOff: new Decimal(oneOff),
    });
    expect(planCostText(figures("7963.80", "153.15", "650"))).toBe(
      "£7,963.80 a year (£153.15 a week, one-off items spread over the year)",
    );
    expect(planCostText(figures("5930.60", "114.05", "0"))).toBe("£5,930.60 a year (£114.05 a week)");
  });

  it("the sign-off must be someone else's, and is needed to agree a plan saved for manager review (§5)", async () => {
    const { workbook } = await starter();
    const editor = pane(workbook, "Sam Reid");
    await editor.controller.load();
    editor.dispatch({ type: "personPicked", personId: "P001", discard: false });
    addService("Day centre").forEach(editor.dispatch);
    // £2,340 against £6,200: Red.
    editor.dispatch({ type: "statusChanged", status: "Agreed" });
    editor.dispatch({ type: "planFieldEdited", field: "reason", value: "Family care covers the rest" });
    editor.dispatch({ type: "planFieldEdited", field: "signedOffBy", value: "sam reid" });
    expect(derivePlan(editor.state).decisionProblems.signedOffBy).toBe(
      "A plan is signed off by a manager other than the person saving it (Sam Reid): enter the manager's name.",
    );
    await editor.controller.save(editor.state);
    expect(editor.state.saved).toBeNull();
    expect(editor.state.focus?.id).toBe(FOCUS.signedOffBy);

    // A Green plan saved as needing review, then agreed: a sign-off is needed.
    editor.dispatch({ type: "personPicked", personId: "P001", discard: true });
    addService("Personal assistant").forEach(editor.dispatch);
    const key = editor.state.plan!.lines[0].key;
    editor.dispatch({ type: "lineEdited", key, field: "quantity", value: "6" }); // £6,099.60: Green
    editor.dispatch({ type: "statusChanged", status: "Needs manager review" });
    editor.dispatch({ type: "planFieldEdited", field: "reason", value: "New to the service" });
    await editor.controller.save(editor.state);
    expect(editor.state.saved?.status).toBe("Needs manager review");
    editor.dispatch({ type: "statusChanged", status: "Agreed" });
    expect(derivePlan(editor.state).signOffNeeded).toBe(
      "A plan that needed manager review can be agreed only with a manager's sign-off: enter the manager's name.",
    );
    editor.dispatch({ type: "planFieldEdited", field: "signedOffBy", value: "Alex Moss" });
    await editor.controller.save(editor.state);
    expect(editor.state.saved).toMatchObject({ status: "Agreed", signedOffBy: "Alex Moss", signedOffOn: "2026-11-24" });
  });

  it("agreeing over an earlier Agreed plan asks; keep editing writes nothing; ending it saves both (§6)", async () => {
    const { workbook } = await starter();
    const editor = pane(workbook);
    await editor.controller.load();
    const agreeSix = (start: string) => {
      editor.dispatch({ type: "personPicked", personId: "P001", discard: true });
      addService("Personal assistant").forEach(editor.dispatch);
      const key = editor.state.plan!.lines[0].key;
      editor.dispatch({ type: "lineEdited", key, field: "quantity", value: "6" });
      editor.dispatch({ type: "statusChanged", status: "Agreed" });
      editor.dispatch({ type: "planFieldEdited", field: "startDate", value: start });
    };
    agreeSix("2026-04-01");
    await editor.controller.save(editor.state);
    agreeSix("2026-10-01");
    const before = JSON.stringify(workbook.allTables());
    await editor.controller.save(editor.state);
    expect(editor.state.overlap).toEqual({
      text:
        "Margaret Ellis already has the Agreed plan PLAN-0001 (from 1 Apr 2026, ongoing). Two Agreed plans for " +
        "one person must not overlap: end it on 30 Sep 2026, the day before this plan starts, or keep editing.",
      toEnd: [{ planId: "PLAN-0001", runs: "from 1 Apr 2026, ongoing", endDate: "2026-09-30" }],
    });
    expect(editor.state.busy).toBeNull();
    expect(JSON.stringify(workbook.allTables())).toBe(before);
    editor.dispatch({ type: "overlapKept" });
    expect(editor.state.overlap).toBeNull();
    expect(planUnsaved(editor.state)).toBe(true);

    await editor.controller.save(editor.state, ["PLAN-0001"]);
    expect(editor.state.saveMessage?.text).toBe(
      "£6,099.60 a year (£117.30 a week), Green, Agreed. Ended PLAN-0001 on 30 Sep 2026.",
    );
    const plans = (await workbook.readTable("Plans"))!;
    const end = plans.headers.indexOf("End date");
    expect(plans.rows.map((row) => [row[0], row[end]])).toEqual([
      ["PLAN-0001", 46295], // 30 September 2026
      ["PLAN-0002", null],
    ]);
  });

  it("after a save, each line knows its own row: removing one then saving deletes that row (22 §14)", async () => {
    const { workbook } = await starter();
    const editor = pane(workbook);
    await editor.controller.load();
    editor.dispatch({ type: "personPicked", personId: "P001", discard: false });
    ["Meals", "Day centre", "Telecare and community alarm"].forEach((service) =>
      addService(service).forEach(editor.dispatch),
    );
    await editor.controller.save(editor.state);
    expect(editor.state.plan!.lines.map((line) => line.savedLine)).toEqual([1, 2, 3]);
    await workbook.editTables([
      {
        table: "PlanLines",
        columns: [{ header: "Notes", numberFormat: "General" }],
        update: [0, 1, 2].map((row) => ({
          row,
          key: { header: "Plan ID", value: "PLAN-0001" },
          values: [`note ${row + 1}`],
        })),
      },
    ]);
    editor.dispatch({ type: "lineRemoved", key: editor.state.plan!.lines[1].key });
    await editor.controller.save(editor.state);
    const lines = (await workbook.readTable("PlanLines"))!;
    const at = (header: string) => lines.headers.indexOf(header);
    expect(lines.rows.map((row) => [row[at("Line")], row[at("Service")], row[at("Notes")]])).toEqual([
      [1, "Meals", "note 1"],
      [2, "Telecare and community alarm", "note 3"],
    ]);
    expect(editor.state.plan!.lines.map((line) => line.savedLine)).toEqual([1, 2]);
  });
});

describe("no sequence of actions saves a plan whose lines and totals disagree (property)", () => {
  const texts = ["0", "1", "2.5", "10", "19.55", "19.555", "168", "169", "1e20", "", "two", "-3"];
  const services = ["Personal assistant", "Day centre", "Equipment: riser recliner chair", "Respite in a care home"];
  const command = fc.oneof(
    {
      arbitrary: fc.record({ kind: fc.constant("add" as const), service: fc.constantFrom(...services) }),
      weight: 4,
    },
    fc.record({ kind: fc.constant("typed" as const) }),
    fc.record({
      kind: fc.constant("edit" as const),
      line: fc.nat(5),
      field: fc.constantFrom("quantity" as const, "unitCost" as const, "frequency" as const, "unit" as const),
      value: fc.constantFrom(...texts, "week", "month", "once", "hour", "item"),
    }),
    fc.record({ kind: fc.constant("remove" as const), line: fc.nat(5) }),
    fc.record({ kind: fc.constant("status" as const), status: fc.constantFrom("Draft" as const, "Agreed" as const) }),
    fc.record({ kind: fc.constant("decide" as const), reason: fc.constantFrom("", "Carer breakdown") }),
    { arbitrary: fc.record({ kind: fc.constant("save" as const), editMeanwhile: fc.boolean() }), weight: 4 },
    fc.record({ kind: fc.constant("reopen" as const) }),
    fc.record({ kind: fc.constant("pick" as const), personId: fc.constantFrom("P001", "P002"), discard: fc.boolean() }),
  );

  /** The saved plan as the workbook holds it, costed again from its own PlanLines cells. */
  async function checkSaved(workbook: MemoryWorkbook, editorState: PlanEditorState) {
    const saved = editorState.saved;
    if (!saved) return;
    const plans = (await workbook.readTable("Plans"))!;
    const lines = (await workbook.readTable("PlanLines"))!;
    const row = plans.rows.find((cells) => cells[0] === saved.planId)!;
    const cell = (header: string) => row[plans.headers.indexOf(header)];
    const ownLines = lines.rows.filter((cells) => cells[0] === saved.planId);
    const costed = ownLines.map((cells) => {
      const at = (header: string) => cells[lines.headers.indexOf(header)];
      const line = checkLine({
        service: at("Service"),
        unit: at("Unit"),
        quantity: at("Quantity"),
        unitCost: at("Unit cost"),
        frequency: at("Frequency"),
        managedAs: at("Managed as"),
      }).line!;
      expect(lineAnnualCost(line, new Decimal(52)).toNumber()).toBe(at("Annual cost"));
      return line;
    });
    const figures = planFigures(
      costed,
      new Decimal(cell("Indicative budget (annual)") as number),
      { green: new Decimal("0.1"), amber: new Decimal("0.5") },
      new Decimal(52),
    );
    expect([
      cell("Plan cost (annual)"),
      cell("Plan cost (weekly)"),
      cell("One-off items"),
      cell("Traffic light"),
    ]).toEqual([figures.annual.toNumber(), figures.weekly.toNumber(), figures.oneOff.toNumber(), figures.light]);
    expect(saved.figures.annual.eq(figures.annual)).toBe(true);
    expect(planTotals(saved.lines, new Decimal(52)).annual.eq(planTotals(costed, new Decimal(52)).annual)).toBe(true);
  }

  it("holds for random sessions of editing, saving and reopening", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(command, { minLength: 1, maxLength: 14 }), async (commands) => {
        const { workbook } = await starter();
        const editor = pane(workbook);
        await editor.controller.load();
        editor.dispatch({ type: "personPicked", personId: "P001", discard: false });
        for (const step of commands) {
          const lines = editor.state.plan?.lines ?? [];
          switch (step.kind) {
            case "add":
              addService(step.service).forEach(editor.dispatch);
              break;
            case "typed":
              editor.dispatch({ type: "typedLineAdded" });
              break;
            case "edit":
              if (lines[step.line]) {
                editor.dispatch({
                  type: "lineEdited",
                  key: lines[step.line].key,
                  field: step.field,
                  value: step.value,
                });
              }
              break;
            case "remove":
              if (lines[step.line]) editor.dispatch({ type: "lineRemoved", key: lines[step.line].key });
              break;
            case "status":
              editor.dispatch({ type: "statusChanged", status: step.status });
              break;
            case "decide":
              editor.dispatch({ type: "planFieldEdited", field: "reason", value: step.reason });
              editor.dispatch({ type: "planFieldEdited", field: "signedOffBy", value: step.reason && "Alex Moss" });
              break;
            case "save": {
              const saving = editor.controller.save(editor.state);
              if (step.editMeanwhile && lines[0]) {
                editor.dispatch({ type: "lineEdited", key: lines[0].key, field: "quantity", value: "3" });
              }
              await saving;
              break;
            }
            case "reopen":
              if (editor.state.saved) {
                await editor.controller.request(editor.state, { kind: "openPlan", planId: editor.state.saved.planId });
              }
              break;
            case "pick": {
              const unsaved = planUnsaved(editor.state);
              const plan = editor.state.plan;
              editor.dispatch({ type: "personPicked", personId: step.personId, discard: step.discard });
              // Unsaved work is replaced only when the user said to discard it.
              if (unsaved && !step.discard) expect(editor.state.plan).toBe(plan);
              break;
            }
          }
          expect(editor.state.busy).toBeNull();
          await checkSaved(workbook, editor.state);
        }
      }),
      { numRuns: 80 },
    );
  });
});

describe("issue 26 in the plan editor", () => {
  it("outcomes and contact are plan content: typed, they are unsaved work; saved, they are in Plans", async () => {
    const { workbook } = await starter();
    const editor = pane(workbook);
    await editor.controller.load();
    editor.dispatch({ type: "personPicked", personId: "P001", discard: false });
    addService("Day centre").forEach(editor.dispatch);
    await editor.controller.save(editor.state);
    expect(planUnsaved(editor.state)).toBe(false);
    editor.dispatch({ type: "planFieldEdited", field: "outcomes", value: "To meet friends at the day centre" });
    expect(planUnsaved(editor.state)).toBe(true);
    editor.dispatch({ type: "planFieldEdited", field: "contact", value: "Adult Social Care, 01632 960000" });
    await editor.controller.save(editor.state);
    expect(planUnsaved(editor.state)).toBe(false);
    await editor.controller.request(editor.state, { kind: "openPlan", planId: "PLAN-0001" });
    expect(editor.state.plan).toMatchObject({
      outcomes: "To meet friends at the day centre",
      contact: "Adult Social Care, 01632 960000",
    });
  });

  it("each save is read back as the plan's history, newest first; opening a plan reads its history", async () => {
    const { workbook } = await starter();
    const editor = pane(workbook);
    await editor.controller.load();
    editor.dispatch({ type: "personPicked", personId: "P001", discard: false });
    addService("Day centre").forEach(editor.dispatch);
    await editor.controller.save(editor.state);
    expect(editor.state.history?.rows.map((row) => row.linesAdded)).toEqual([
      "Day centre: 1 day a week at £45.00 (Council-managed)",
    ]);
    const key = editor.state.plan!.lines[0].key;
    editor.dispatch({ type: "lineEdited", key, field: "quantity", value: "2" });
    await editor.controller.save(editor.state);
    expect(editor.state.history?.rows.map((row) => row.linesChanged)).toEqual([
      "Day centre: 1 day a week at £45.00 (Council-managed) → Day centre: 2 days a week at £45.00 (Council-managed)",
      "",
    ]);
    editor.dispatch({ type: "personPicked", personId: "P002", discard: false });
    expect(editor.state.history).toBeNull();
    await editor.controller.request(editor.state, { kind: "openPlan", planId: "PLAN-0001" });
    expect(editor.state.history?.rows).toHaveLength(2);
  });

  it("a save whose history row cannot be written is saved, and says the history was not recorded", async () => {
    const { workbook } = await starter();
    await workbook.addTables([
      { sheet: "Mine", name: "PlanHistory", columns: [{ header: "Note", numberFormat: "General" }], rows: [] },
    ]);
    const editor = pane(workbook);
    await editor.controller.load();
    editor.dispatch({ type: "personPicked", personId: "P001", discard: false });
    addService("Day centre").forEach(editor.dispatch);
    await editor.controller.save(editor.state);
    expect(editor.state.plan?.planId).toBe("PLAN-0001");
    expect(planUnsaved(editor.state)).toBe(false);
    expect(editor.state.saveMessage).toMatchObject({
      intent: "warning",
      title: "Saved plan PLAN-0001 to the Plans and PlanLines tables.",
    });
    expect(editor.state.saveMessage?.text).toMatch(
      /This save was not recorded in PlanHistory: The PlanHistory table is missing the columns "Plan ID"/,
    );
  });

  it("the person's copy is made from the saved plan, and goes when the plan is saved again", async () => {
    const { workbook } = await starter();
    const editor = pane(workbook);
    await editor.controller.load();
    editor.dispatch({ type: "personPicked", personId: "P001", discard: false });
    addService("Day centre").forEach(editor.dispatch);
    await editor.controller.save(editor.state);
    await editor.controller.makeCopy(editor.state);
    // 1 day × £45 × 52 = £2,340 a year, £45 a week.
    expect(editor.state.copy?.document.figures.annual.toString()).toBe("2340");
    expect(editor.state.copy?.document.figures.weekly.toString()).toBe("45");
    editor.dispatch({ type: "largePrintSet", on: true });
    await editor.controller.addCopySheet(editor.state);
    expect(editor.state.copy).toMatchObject({ largePrint: true, message: { title: "Added the sheet PLAN-0001 copy" } });
    // Unsaved edits never reach the copy: it is made from the rows saved.
    const key = editor.state.plan!.lines[0].key;
    editor.dispatch({ type: "lineEdited", key, field: "quantity", value: "3" });
    await editor.controller.makeCopy(editor.state);
    expect(editor.state.copy?.document.figures.annual.toString()).toBe("2340");
    await editor.controller.save(editor.state);
    expect(editor.state.copy).toBeNull();
  });
});
