// The price what-if view's state, without a browser: named actions, what the view derives from them (the change
// as it will be created, the summary from the engine), what counts as unsaved, and the controller's work on the
// in-memory workbook.
import { MemoryWorkbook } from "../../src/workbook/memory/memoryWorkbook";
import { formulaEngine } from "../../src/workbook/memory/formulaEngine";
import { Decimal, lossCap, proposePriceTable } from "../../src/engine";
import { readScenarioBook, ScenarioBook } from "../../src/workbook/reports/scenarioBook";
import { createProposedTable, readWhatIfBook } from "../../src/workbook/reports/whatIfBook";
import { setUpWorkbook } from "../../src/workbook/starter";
import {
  initialWhatIf,
  NEW_PROPOSAL,
  unsavedWork,
  WhatIfAction,
  whatIfReducer,
  WhatIfState,
} from "../../src/taskpane/state/whatIf";
import { whatIfController } from "../../src/taskpane/state/whatIfController";
import { deriveWhatIf } from "../../src/taskpane/state/whatIfDerived";
import { pbFunctionLibrary } from "../support/pbFunctions";
import { reviewWorkbook } from "../support/reviewWorkbook";

const run = (state: WhatIfState, ...actions: WhatIfAction[]) => actions.reduce(whatIfReducer, state);

/** The day the lights are checked at, as the controller is given it. */
const TODAY = "2026-11-24";

async function starter(): Promise<{ workbook: MemoryWorkbook; book: ScenarioBook }> {
  const workbook = new MemoryWorkbook({ formulas: formulaEngine, functions: await pbFunctionLibrary() });
  await setUpWorkbook(workbook);
  return { workbook, book: await readScenarioBook(workbook) };
}

describe("the price what-if view's state", () => {
  let book: ScenarioBook;
  beforeAll(async () => {
    ({ book } = await starter());
  });

  it("shows the cohort unchanged until a change is chosen, with the care groups and bands to choose from", () => {
    const state = run(initialWhatIf, { type: "loaded", book, asAt: TODAY });
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
      { type: "loaded", book, asAt: TODAY },
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
    const view = deriveWhatIf(run(initialWhatIf, { type: "loaded", book, asAt: TODAY }, ...actions))!;
    expect(view.problem).toEqual(problem);
    expect([view.proposal, view.summary]).toEqual([null, null]);
  });

  it("makes a change beyond ±50% once it is confirmed, and asks again when the change is edited", () => {
    const typed = run(
      initialWhatIf,
      { type: "loaded", book, asAt: TODAY },
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
        { type: "loaded", book, asAt: TODAY },
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
      { type: "loaded", book, asAt: TODAY },
      { type: "changeKindChosen", kind: "percent" },
      { type: "amountEdited", text: "5" },
    );
    const created = run(
      typed,
      { type: "workStarted", label: "Creating the proposal" },
      {
        type: "proposalCreated",
        book: {
          ...book,
          whatIf: {
            ...book.whatIf,
            proposals: [
              {
                name: null,
                table: "ProposedPricePoints",
                sheet: "ProposedPricePoints (2)",
                read: book.whatIf.current,
                problem: null,
              },
            ],
          },
        },
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
    expect(created.shown).toBe("ProposedPricePoints");
    expect(deriveWhatIf(created)!.shown?.table).toBe("ProposedPricePoints");
    const written = run(created, { type: "sheetWritten", made: { sheet: "What-if" }, book: created.book! });
    expect(written.sheet).toBe("What-if");
    expect(written.made?.title).toBe("Wrote the sheet What-if");
  });

  it("keeps the workbook as it was read when work fails, and says why", () => {
    const message = { intent: "warning" as const, title: "The proposal was not created", text: "Name taken." };
    const failed = run(
      initialWhatIf,
      { type: "loaded", book, asAt: TODAY },
      { type: "workStarted", label: "Creating" },
      { type: "workFailed", message },
    );
    expect([failed.book, failed.busy, failed.message]).toEqual([book, null, message]);
  });
});

describe("proposals side by side, a cap on losses and the Agreed plans' lights (25 §4)", () => {
  let book: ScenarioBook;
  beforeAll(async () => {
    // The review's Agreed plans; every rate 10% up as ProposedPricePoints, 10% down as ProposedPricePoints_Freeze.
    const workbook = await reviewWorkbook(await pbFunctionLibrary());
    const first = await readWhatIfBook(workbook);
    const change = (percent: number) =>
      proposePriceTable(first.current.grid, { kind: "percent", percent: new Decimal(percent), careGroup: null });
    await createProposedTable(workbook, first, change(10));
    await createProposedTable(workbook, first, change(-10), "Freeze");
    book = await readScenarioBook(workbook);
  });

  it("measures every proposal alike: total change, better and worse off, the largest loss", () => {
    const view = deriveWhatIf(run(initialWhatIf, { type: "loaded", book, asAt: TODAY }))!;
    expect(view.shown?.table).toBe("ProposedPricePoints");
    const [up, down] = view.scenarios;
    expect([up.label, down.label]).toEqual(["ProposedPricePoints", "Freeze"]);
    // 10% of £170,435 either way, for the 19 people priced.
    expect(up.summary.repricing.total).toMatchObject({ change: 17043.5, betterOff: 19, worseOff: 0 });
    expect(down.summary.repricing.total).toMatchObject({ change: -17043.5, betterOff: 0, worseOff: 19 });
    expect(up.losses).toEqual([]);
    // Liam O'Connor's £22,360 is the largest budget: 10% of it is the largest loss.
    expect(down.losses[0]).toEqual({ personId: "P013", name: "Liam O'Connor", change: -2236 });
    expect(down.losses).toHaveLength(10);
    expect(view.summary).toBe(up.summary);
    // Another shown: the side by side stays, the detail follows.
    const freeze = deriveWhatIf(
      run(
        initialWhatIf,
        { type: "loaded", book, asAt: TODAY },
        { type: "proposalShown", table: "ProposedPricePoints_Freeze" },
      ),
    )!;
    expect(freeze.summary!.repricing.total.change).toBe(-17043.5);
  });

  it("makes a new proposal under a name of its own once ProposedPricePoints is taken", () => {
    const making = run(
      initialWhatIf,
      { type: "loaded", book, asAt: TODAY },
      { type: "proposalShown", table: NEW_PROPOSAL },
    );
    expect(deriveWhatIf(making)!.name).toEqual({
      required: true,
      table: null,
      sheet: null,
      problem: "Give the proposal a name: ProposedPricePoints is taken, so this one needs its own.",
    });
    const named = run(making, { type: "nameEdited", text: "Plus5" }, { type: "changeKindChosen", kind: "percent" });
    expect(deriveWhatIf(named)!.name).toEqual({
      required: true,
      table: "ProposedPricePoints_Plus5",
      sheet: "Proposal Plus5",
      problem: null,
    });
    expect(unsavedWork(named)).toEqual(["the price change you chose, not yet created"]);
    // The same typed while a workbook proposal is shown is not lost work.
    expect(unsavedWork(run(named, { type: "proposalShown", table: "ProposedPricePoints" }))).toEqual([]);
    expect(deriveWhatIf(run(making, { type: "nameEdited", text: "freeze" }))!.name.problem).toBe(
      "The workbook already has something called ProposedPricePoints_freeze: choose another name.",
    );
  });

  it("caps losses for every proposal, with the protection's cost, and refuses a cap it cannot read", () => {
    const capped = run(
      initialWhatIf,
      { type: "loaded", book, asAt: TODAY },
      { type: "capKindChosen", kind: "percent" },
      { type: "capEdited", text: "5%" },
    );
    const view = deriveWhatIf(capped)!;
    expect(view.cap).toEqual(lossCap("percent", new Decimal("0.05")));
    const [up, down] = view.scenarios;
    expect(up.protection).toMatchObject({ people: 0, cost: 0 });
    // Each budget 10% down, each loss kept to 5%: 5% of £170,435.00.
    expect(down.protection).toMatchObject({ people: 19, cost: 8521.75, firstYearChange: -8521.75 });
    const pounds = run(capped, { type: "capKindChosen", kind: "amount" }, { type: "capEdited", text: "£2,000" });
    // Only Liam O'Connor (£2,236) loses more than £2,000: £236 to protect.
    expect(deriveWhatIf(pounds)!.scenarios[1].protection).toMatchObject({ people: 1, cost: 236 });
    const wrong = deriveWhatIf(run(capped, { type: "capEdited", text: "150" }))!;
    expect([wrong.cap, wrong.capProblem]).toEqual([
      null,
      {
        field: "amount",
        text: "A cap as a percentage is from 0% to 100% of the current budget; got 150%.",
        missing: false,
      },
    ]);
    expect(deriveWhatIf(run(capped, { type: "capKindChosen", kind: "none" }))!.scenarios[1].protection).toBeNull();
  });

  it("names the Agreed plans whose light each proposal would change, by the Support plan view's rule", () => {
    const [up, down] = deriveWhatIf(run(initialWhatIf, { type: "loaded", book, asAt: TODAY }))!.scenarios;
    // Margaret Ellis's plan, £7,116.20, is 14.8% above £6,200 (Amber) and 4.3% above £6,820 (Green); George
    // Patel's £10,166 is 8.7% below £11,140 (Green) and 17.0% below £12,254 (Amber); Aisha Rahman's £6,099.60 is
    // 58.6% above £3,845 (Red) and 44.2% above £4,229.50 (Amber).
    expect(up.lights!.changed.map((plan) => [plan.planId, plan.name, plan.lightNow, plan.lightProposed])).toEqual([
      ["PLAN-0001", "Margaret Ellis", "Amber", "Green"],
      ["PLAN-0012", "Aisha Rahman", "Red", "Amber"],
      ["PLAN-0013", "Liam O'Connor", "Amber", "Green"],
      ["PLAN-0015", "Kwame Mensah", "Amber", "Green"],
      ["PLAN-0017", "George Patel", "Green", "Amber"],
      ["PLAN-0019", "Nathan Price", "Amber", "Green"],
    ]);
    // Joan Whitfield's £2,033.20 against £1,350 is 50.6% above: Red.
    expect(down.lights!.changed).toContainEqual(
      expect.objectContaining({ planId: "PLAN-0003", lightNow: "Amber", lightProposed: "Red" }),
    );
    expect(up.lights!.unchecked).toEqual(["PLAN-0020: P020's indicative budget cannot be worked out now."]);
    // The fit against the same plans: R² 0.9414 now, 0.9424 with every rate 10% up.
    expect([
      up.fit!.all.rSquared,
      deriveWhatIf(run(initialWhatIf, { type: "loaded", book, asAt: TODAY }))!.currentFit!.all.rSquared,
    ]).toEqual([0.9424, 0.9414]);
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
    const controller = whatIfController(workbook, dispatch, () => TODAY);
    await controller.load();
    dispatch({ type: "changeKindChosen", kind: "percent" });
    dispatch({ type: "careGroupChosen", careGroup: "Older people" });
    dispatch({ type: "amountEdited", text: "5" });
    await controller.create(state);
    await controller.writeSheet(state);
    await controller.writePack(state);
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
      "workStarted",
      "packWritten",
    ]);
    expect(state.sheet).toBe("What-if");
    expect(state.made).toMatchObject({ intent: "success", title: "Wrote the sheet Committee pack" });
    expect(workbook.allSheets().find((sheet) => sheet.name === "Committee pack")?.print?.paper).toBe("A4");
    expect((await workbook.readTable("ProposedPricePoints"))!.rows[0]).toEqual([0, 157.5, 160, 170, 140]);
  });

  it("withdraws the figures and holds the sheet back when ProposedPricePoints can no longer be read", async () => {
    const { workbook } = await starter();
    let state = initialWhatIf;
    const dispatch = (action: WhatIfAction) => (state = whatIfReducer(state, action));
    const controller = whatIfController(workbook, dispatch, () => TODAY);
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
    expect(state.book!.whatIf.proposals[0].read).toBeNull();
    expect(state.book!.whatIf.proposals[0].problem).toBe(
      "The ProposedPricePoints table: Price table row 4 (band from 40 points), care group Older people: expected an " +
        'amount in £, 0 or more; got "abc".',
    );
    const view = deriveWhatIf(state)!;
    expect([view.summary, view.proposal, view.shown?.table]).toEqual([null, null, "ProposedPricePoints"]);
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
    expect(state.book!.whatIf.proposals[0].problem).toBeNull();
    expect(deriveWhatIf(state)!.summary!.repricing.byCareGroup[0]).toMatchObject({ careGroup: "Older people" });
  });

  it("withdraws everything when PricePoints itself can no longer be read", async () => {
    const { workbook } = await starter();
    let state = initialWhatIf;
    const controller = whatIfController(
      workbook,
      (action) => (state = whatIfReducer(state, action)),
      () => TODAY,
    );
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
