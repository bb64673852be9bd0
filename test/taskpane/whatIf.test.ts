// The price what-if view's state, without a browser: named actions, what the view derives from them (the change
// as it will be created, the summary from the engine), what counts as unsaved, and the controller's work on the
// in-memory workbook.
import { MemoryWorkbook } from "../../src/workbook/memory/memoryWorkbook";
import { formulaEngine } from "../../src/workbook/memory/formulaEngine";
import { readWhatIfBook, WhatIfBook } from "../../src/workbook/reports/whatIfBook";
import { setUpWorkbook } from "../../src/workbook/starter";
import {
  deriveWhatIf,
  initialWhatIf,
  unsavedWork,
  WhatIfAction,
  whatIfReducer,
  WhatIfState,
} from "../../src/taskpane/state/whatIf";
import { whatIfController } from "../../src/taskpane/state/whatIfController";
import { pbFunctionLibrary } from "../support/pbFunctions";

const run = (state: WhatIfState, ...actions: WhatIfAction[]) => actions.reduce(whatIfReducer, state);

async function starter(): Promise<{ workbook: MemoryWorkbook; book: WhatIfBook }> {
  const workbook = new MemoryWorkbook({ formulas: formulaEngine, functions: await pbFunctionLibrary() });
  await setUpWorkbook(workbook);
  return { workbook, book: await readWhatIfBook(workbook) };
}

describe("the price what-if view's state", () => {
  let book: WhatIfBook;
  beforeAll(async () => {
    ({ book } = await starter());
  });

  it("shows the cohort unchanged until a change is chosen, with the care groups and bands to choose from", () => {
    const state = run(initialWhatIf, { type: "loaded", book });
    expect(state.busy).toBeNull();
    const view = deriveWhatIf(state)!;
    expect(view.careGroups).toEqual(["Older people", "Physical disability", "Learning disability", "Mental health"]);
    expect(view.bands).toEqual(["0", "20", "40", "60"]);
    expect(view.proposal!.changed).toEqual([]);
    // 19 people priced, everyone unchanged; P020 left out
    expect(view.summary!.repricing.total).toMatchObject({ people: 19, current: 170435, change: 0, unchanged: 19 });
    expect(view.summary!.notPriced.map((person) => person.personId)).toEqual(["P020"]);
    expect(unsavedWork(state)).toEqual([]);
  });

  it("derives the proposal and its summary from a percentage for one care group, before anything is written", () => {
    const state = run(
      initialWhatIf,
      { type: "loaded", book },
      { type: "changeKindChosen", kind: "percent" },
      { type: "careGroupChosen", careGroup: "Older people" },
      { type: "amountEdited", text: "5%" },
    );
    const view = deriveWhatIf(state)!;
    expect(view.problem).toBeNull();
    expect(view.proposal!.changed.map((cell) => `${cell.from.toString()} → ${cell.to.toString()}`)).toEqual([
      "150 → 157.5",
      "200 → 210",
      "260 → 273",
      "320 → 336",
    ]);
    // Older people 58,160 → 61,068 (5% of each budget: +2,908); the total changes by the same.
    expect(view.summary!.repricing.byCareGroup[0]).toMatchObject({ current: 58160, proposed: 61068, change: 2908 });
    expect(view.summary!.repricing.total).toMatchObject({ current: 170435, proposed: 173343, change: 2908 });
    expect(unsavedWork(state)).toEqual(["the price change you chose, not yet created"]);
  });

  it.each<[string, WhatIfAction[], { field: string | null; text: string; missing: boolean }]>([
    [
      "a blank percentage",
      [{ type: "changeKindChosen", kind: "percent" }],
      { field: "amount", text: "Give a percentage, such as 5 or -2.5.", missing: true },
    ],
    [
      "a percentage that is not a number",
      [
        { type: "changeKindChosen", kind: "percent" },
        { type: "amountEdited", text: "five" },
      ],
      { field: "amount", text: 'A percentage: expected a number; got "five".', missing: false },
    ],
    [
      "£ a point that would make a price negative",
      [
        { type: "changeKindChosen", kind: "perPoint" },
        { type: "amountEdited", text: "-£145" },
      ],
      {
        field: "amount",
        text: "The change would make Mental health, band from 0 points £-5.00: a price cannot be below £0.",
        missing: false,
      },
    ],
    [
      "£ a point that is not whole pence",
      [
        { type: "changeKindChosen", kind: "perPoint" },
        { type: "amountEdited", text: "0.005" },
      ],
      { field: "amount", text: "£ a point must be whole pence, such as 2.50; got £0.005.", missing: false },
    ],
    [
      "a percentage with three decimal places",
      [
        { type: "changeKindChosen", kind: "percent" },
        { type: "amountEdited", text: "2.555%" },
      ],
      { field: "amount", text: "A percentage has at most 2 decimal places, such as 2.25; got 2.555%.", missing: false },
    ],
    [
      "a percentage beyond ±50%, not confirmed",
      [
        { type: "changeKindChosen", kind: "percent" },
        { type: "amountEdited", text: "1000" },
      ],
      {
        field: "amount",
        text:
          "This changes Older people, band from 0 points from £150.00 to £1,650.00 (+1,000%): more than 50% up or " +
          "down. Tick the box below if that is meant.",
        missing: false,
      },
    ],
    [
      "£ a point that moves a rate beyond ±50%, not confirmed",
      [
        { type: "changeKindChosen", kind: "perPoint" },
        { type: "careGroupChosen", careGroup: "Mental health" },
        { type: "amountEdited", text: "-71" },
      ],
      {
        field: "amount",
        text:
          "This changes Mental health, band from 0 points from £140.00 to £69.00 (-50.71%): more than 50% up or " +
          "down. Tick the box below if that is meant.",
        missing: false,
      },
    ],
    [
      "a bound moved past the next band's",
      [
        { type: "changeKindChosen", kind: "moveBound" },
        { type: "bandChosen", band: 1 },
        { type: "boundEdited", text: "45" },
      ],
      {
        field: "bound",
        text:
          "The lower bound of the band from 20 points must stay above 0 and below 40 points, between the bands " +
          "beside it; got 45.",
        missing: false,
      },
    ],
  ])("says which field is wrong for %s, and derives no proposal", (_, actions, problem) => {
    const view = deriveWhatIf(run(initialWhatIf, { type: "loaded", book }, ...actions))!;
    expect(view.problem).toEqual(problem);
    expect([view.proposal, view.summary]).toEqual([null, null]);
  });

  it("makes a change beyond ±50% once it is confirmed, and asks again when the change is edited", () => {
    const typed = run(
      initialWhatIf,
      { type: "loaded", book },
      { type: "changeKindChosen", kind: "percent" },
      { type: "amountEdited", text: "1000" },
    );
    expect(deriveWhatIf(typed)!.largeChange).toBe(
      "This changes Older people, band from 0 points from £150.00 to £1,650.00 (+1,000%): more than 50% up or down.",
    );
    const confirmed = run(typed, { type: "largeChangeConfirmed", confirmed: true });
    const view = deriveWhatIf(confirmed)!;
    expect(view.problem).toBeNull();
    // Every rate × 11, so every budget × 11: £170,435 × 11 = £1,874,785
    expect(view.summary!.repricing.total).toMatchObject({ current: 170435, proposed: 1874785 });
    expect(view.largeChange).not.toBeNull();
    const edited = run(confirmed, { type: "amountEdited", text: "900" });
    expect(edited.form.confirmed).toBe(false);
    expect(deriveWhatIf(edited)!.proposal).toBeNull();
    // 50% exactly needs no confirming; 50.01% does (150 × 1.5001 = 225.015 → £225.02)
    const at = (text: string) => deriveWhatIf(run(typed, { type: "amountEdited", text }))!;
    expect([at("50").largeChange, at("-50").largeChange, at("50").proposal === null]).toEqual([null, null, false]);
    expect(at("50.01").largeChange).toBe(
      "This changes Older people, band from 0 points from £150.00 to £225.02 (+50.01%): more than 50% up or down.",
    );
  });

  it("reads £ a point exactly, for all care groups", () => {
    const view = deriveWhatIf(
      run(
        initialWhatIf,
        { type: "loaded", book },
        { type: "changeKindChosen", kind: "perPoint" },
        { type: "amountEdited", text: "£2.50" },
      ),
    )!;
    // 16 rates, each £2.50 a point more: P001's 36 points gain 36 × 2.5 = 90
    expect(view.proposal!.changed).toHaveLength(16);
    expect(view.summary!.repricing.current[0]).toBe(6200);
    expect(view.summary!.repricing.proposed[0]).toBe(6290);
  });

  it("says what it created, resets the form and has nothing unsaved; then what the sheet holds", () => {
    const typed = run(
      initialWhatIf,
      { type: "loaded", book },
      { type: "changeKindChosen", kind: "percent" },
      { type: "amountEdited", text: "5" },
    );
    const created = run(
      typed,
      { type: "workStarted", label: "Creating the proposal" },
      {
        type: "proposalCreated",
        book: { ...book, proposed: book.current },
        made: { table: "ProposedPricePoints", sheet: "ProposedPricePoints (2)" },
        changed: 16,
      },
    );
    expect(created.made).toEqual({
      intent: "success",
      title: "Created ProposedPricePoints",
      text:
        "ProposedPricePoints is on the sheet ProposedPricePoints (2): a copy of PricePoints with 16 values changed. " +
        "Edit its cells to try other prices, then write the What-if sheet, which follows every edit.",
    });
    expect(created.form.kind).toBe("copy");
    expect(unsavedWork(created)).toEqual([]);
    expect(deriveWhatIf(created)!.proposalInWorkbook).toBe(true);
    const written = run(created, { type: "sheetWritten", made: { sheet: "What-if" }, book: created.book! });
    expect(written.sheet).toBe("What-if");
    expect(written.made?.title).toBe("Wrote the sheet What-if");
  });

  it("keeps the workbook as it was read when work fails, and says why", () => {
    const message = { intent: "warning" as const, title: "The proposal was not created", text: "Name taken." };
    const failed = run(
      initialWhatIf,
      { type: "loaded", book },
      { type: "workStarted", label: "Creating" },
      { type: "workFailed", message },
    );
    expect([failed.book, failed.busy, failed.message]).toEqual([book, null, message]);
  });
});

describe("the price what-if view's controller", () => {
  it("reads, creates the proposal and writes the sheet, one action each", async () => {
    const { workbook } = await starter();
    let state = initialWhatIf;
    const actions: string[] = [];
    const dispatch = (action: WhatIfAction) => {
      actions.push(action.type);
      state = whatIfReducer(state, action);
    };
    const controller = whatIfController(workbook, dispatch);
    await controller.load();
    dispatch({ type: "changeKindChosen", kind: "percent" });
    dispatch({ type: "careGroupChosen", careGroup: "Older people" });
    dispatch({ type: "amountEdited", text: "5" });
    await controller.create(state);
    await controller.writeSheet(state);
    expect(actions).toEqual([
      "workStarted",
      "loaded",
      "changeKindChosen",
      "careGroupChosen",
      "amountEdited",
      "workStarted",
      "proposalCreated",
      "workStarted",
      "sheetWritten",
    ]);
    expect(state.sheet).toBe("What-if");
    expect((await workbook.readTable("ProposedPricePoints"))!.rows[0]).toEqual([0, 157.5, 160, 170, 140]);
  });

  it("withdraws the figures and holds the sheet back when ProposedPricePoints can no longer be read", async () => {
    const { workbook } = await starter();
    let state = initialWhatIf;
    const dispatch = (action: WhatIfAction) => (state = whatIfReducer(state, action));
    const controller = whatIfController(workbook, dispatch);
    await controller.load();
    dispatch({ type: "changeKindChosen", kind: "percent" });
    dispatch({ type: "careGroupChosen", careGroup: "Older people" });
    dispatch({ type: "amountEdited", text: "5" });
    await controller.create(state);
    expect(deriveWhatIf(state)!.summary!.repricing.total).toMatchObject({ proposed: 173343 });

    // In the workbook: the band from 20 points moved to 25, and "abc" typed over Older people's rate from 40 points.
    workbook.setCell("ProposedPricePoints", 2, 0, 25);
    workbook.setCell("ProposedPricePoints", 3, 1, "abc");
    await controller.load();
    expect(state.book!.proposed).toBeNull();
    expect(state.book!.proposedProblem).toBe(
      "The ProposedPricePoints table: Price table row 4 (band from 40 points), care group Older people: expected an " +
        'amount in £, 0 or more; got "abc".',
    );
    const view = deriveWhatIf(state)!;
    expect([view.summary, view.proposal, view.proposalInWorkbook]).toEqual([null, null, true]);
    expect(unsavedWork(state)).toEqual([]);

    // Writing the sheet waits: nothing is written, and the pane says why.
    await controller.writeSheet(state);
    expect((await workbook.names()).sheets).not.toContain("What-if");
    expect(state.sheet).toBeNull();
    expect(state.message).toEqual({
      intent: "warning",
      title: "The What-if sheet was not written",
      text:
        "The ProposedPricePoints table: Price table row 4 (band from 40 points), care group Older people: expected " +
        'an amount in £, 0 or more; got "abc". Put it right in the workbook and Refresh; nothing was written.',
    });

    // Put right, the figures come back.
    workbook.setCell("ProposedPricePoints", 3, 1, 273);
    await controller.load();
    expect(state.book!.proposedProblem).toBeNull();
    expect(deriveWhatIf(state)!.summary!.repricing.byCareGroup[0]).toMatchObject({ careGroup: "Older people" });
  });

  it("withdraws everything when PricePoints itself can no longer be read", async () => {
    const { workbook } = await starter();
    let state = initialWhatIf;
    const controller = whatIfController(workbook, (action) => (state = whatIfReducer(state, action)));
    await controller.load();
    expect(deriveWhatIf(state)!.summary).not.toBeNull();
    workbook.setCell("PricePoints", 1, 2, "n/a");
    await controller.load();
    expect(state.book).toBeNull();
    expect(deriveWhatIf(state)).toBeNull();
    expect(state.message).toEqual({
      intent: "warning",
      title: "The what-if needs the workbook's tables",
      text:
        "The PricePoints table: Price table row 2 (band from 0 points), care group Physical disability: expected an " +
        'amount in £, 0 or more; got "n/a".',
    });
  });

  it("shows a workbook without People as a message to act on, not a failure", async () => {
    let state = initialWhatIf;
    await whatIfController(
      new MemoryWorkbook({ formulas: formulaEngine }),
      (action) => (state = whatIfReducer(state, action)),
    ).load();
    expect(state.message).toMatchObject({
      intent: "info",
      title: "Set up the workbook",
      text: expect.stringContaining("The workbook has no People and PricePoints tables") as unknown,
    });
    expect(state.busy).toBeNull();
  });
});
