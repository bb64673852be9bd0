// Settings › Your workbook as state and controller, without a browser (issue 23 §1): the council's workbook
// (test/support/councilWorkbook.ts) mapped table by table as a user does it in the pane — a table picked and its
// columns suggested by header, a range typed, the first rows and every problem shown — then saved, and Set up
// offered for what is still missing only. The mapping the pane makes is the fixture's (test/support/councilMapping.ts).
import { MappedWorkbook, readMapping } from "../../src/workbook/mapping/mappedWorkbook";
import { saveMapping } from "../../src/workbook/mapping/save";
import { formulaEngine } from "../../src/workbook/memory/formulaEngine";
import { MemoryWorkbook } from "../../src/workbook/memory/memoryWorkbook";
import {
  ADDED,
  addedColumns,
  chosenColumn,
  draftPreview,
  initialMapping,
  MappingAction,
  mappingReducer,
  MappingState,
  unsavedMapping,
} from "../../src/taskpane/state/mapping";
import { mappingController } from "../../src/taskpane/state/mappingController";
import { COUNCIL_MAPPING, QUESTIONS } from "../support/councilMapping";
import { COUNCIL, councilSheets } from "../support/councilWorkbook";
import { pbFunctionLibrary } from "../support/pbFunctions";

async function pane() {
  const workbook = new MemoryWorkbook({ formulas: formulaEngine, functions: await pbFunctionLibrary() });
  for (const sheet of await councilSheets()) await workbook.addSheet(sheet);
  let state: MappingState = initialMapping;
  const dispatch = (action: MappingAction) => (state = mappingReducer(state, action));
  const mapped = new MappedWorkbook(workbook);
  const controller = mappingController(mapped, dispatch, () => new Date(2026, 9, 1, 9, 0));
  await controller.survey();
  return {
    workbook,
    mapped,
    controller,
    dispatch,
    get state() {
      return state;
    },
  };
}

describe("Settings › Your workbook", () => {
  it("shows the council's tables to pick from and the add-in's tables as missing", async () => {
    const view = await pane();
    expect(view.state.survey?.roles).toEqual([
      { role: "Scoring", state: "missing" },
      { role: "PricePoints", state: "missing" },
      { role: "People", state: "missing" },
      { role: "Services", state: "missing" },
    ]);
    expect(view.state.survey?.tables).toEqual(["RASMatrix", "ServiceUsers", "ServiceCatalogue"]);
    expect(view.state.survey?.toSetUp).toEqual([
      "Scoring",
      "PricePoints",
      "People",
      "Services",
      "Plans",
      "PlanLines",
      "PlanSettings",
      "Budgets",
      "Payments",
    ]);
  });

  it("maps the scoring table from Domain to D, naming text where points belong when Guidance is taken in", async () => {
    const view = await pane();
    await view.controller.edit(view.state, "Scoring");
    await view.controller.chooseTable(view.state, COUNCIL.scoring.table);
    // Suggested: the columns holding numbers, so the Guidance column of text is left out.
    expect(view.state.draft?.entry?.span).toEqual({ first: "Domain", last: "D" });
    expect(draftPreview(view.state)).toEqual({
      rows: 12,
      first: [
        "Communication: A 0, B 2, C 5, D 8",
        "Eating and drinking: A 0, B 2, C 5, D 8",
        "Getting about: A 0, B 2, C 5, D 8",
        "Home and living: A 0, B 2, C 5, D 8",
        "Making decisions: A 0, B 2, C 5, D 8",
      ],
      blocking: [],
      problems: [],
    });
    view.dispatch({ type: "spanChosen", end: "last", header: "Guidance" });
    expect(draftPreview(view.state)?.blocking).toEqual([
      "Scoring sheet row 2 (question Communication), answer Guidance: points: expected a number; got " +
        '"Assessment guide, communicati…".',
    ]);
    expect(unsavedMapping(view.state)).toEqual(["the mapping of Scoring you have not saved"]);
    const before = JSON.stringify(view.workbook.allTables());
    await view.controller.save(view.state);
    expect(view.state.message).toMatchObject({ title: "Not saved", items: [expect.stringContaining("Guidance")] });
    expect(JSON.stringify(view.workbook.allTables())).toBe(before);

    view.dispatch({ type: "spanChosen", end: "last", header: "D" });
    await view.controller.save(view.state);
    expect(view.state.message).toMatchObject({ intent: "success", title: "Mapping saved" });
    expect(view.state.draft).toBeNull();
    expect(view.state.survey?.roles[0]).toEqual({
      role: "Scoring",
      state: "mapped",
      source: "RASMatrix",
      present: true,
    });
  });

  it("reads a typed range for the price points, and refuses one it cannot read, saying how to type it", async () => {
    const view = await pane();
    await view.controller.edit(view.state, "PricePoints");
    view.dispatch({ type: "kindChosen", kind: "range" });
    view.dispatch({ type: "rangeTyped", range: "B3:F7" });
    await view.controller.readRange(view.state);
    expect(view.state.draft?.sourceProblem).toBe(
      "Type the range with its sheet, such as 'Price bands'!B3:F7 (the header row first).",
    );
    view.dispatch({ type: "rangeTyped", range: "Prices!B3:F7" });
    await view.controller.readRange(view.state);
    expect(view.state.draft?.sourceProblem).toBe("The workbook has no sheet called Prices.");
    view.dispatch({ type: "rangeTyped", range: "'price bands'!b3:f7" });
    await view.controller.readRange(view.state);
    expect(draftPreview(view.state)).toEqual({
      rows: 4,
      first: [
        [0, 150, 160, 170, 140],
        [20, 200, 215, 230, 190],
        [40, 260, 280, 300, 240],
        [60, 320, 350, 380, 300],
      ].map(
        ([from, older, physical, learning, mental]) =>
          `From ${from} points: Older people £${older}.00, Physical disability £${physical}.00, ` +
          `Learning disability £${learning}.00, Mental health £${mental}.00`,
      ),
      blocking: [],
      problems: [],
    });
    await view.controller.save(view.state);
    expect(view.state.survey?.roles[1]).toEqual({
      role: "PricePoints",
      state: "mapped",
      source: "'price bands'!B3:F7",
      present: true,
    });
  });

  it("suggests the people table's every column by header, prices its first rows, names each problem", async () => {
    const view = await pane();
    for (const [role, table] of [
      ["Scoring", COUNCIL.scoring.table],
      ["Services", COUNCIL.services.table],
    ] as const) {
      await view.controller.edit(view.state, role);
      await view.controller.chooseTable(view.state, table);
      await view.controller.save(view.state);
    }
    await view.controller.edit(view.state, "PricePoints");
    view.dispatch({ type: "kindChosen", kind: "range" });
    view.dispatch({ type: "rangeTyped", range: COUNCIL.prices.range });
    await view.controller.readRange(view.state);
    await view.controller.save(view.state);

    await view.controller.edit(view.state, "People");
    await view.controller.chooseTable(view.state, COUNCIL.people.table);
    const draft = view.state.draft!;
    expect(
      ["Person ID", "Name", "Care group", ...QUESTIONS, "Points", "Indicative budget"].map((field) =>
        chosenColumn(draft, field),
      ),
    ).toEqual([
      "Service user number",
      "Client name",
      "Client group",
      ...QUESTIONS.map((question, at) => `Q${at + 1} ${question}`),
      ADDED,
      ADDED,
    ]);
    expect(addedColumns(draft)).toEqual(["Points", "Indicative budget"]);
    const preview = draftPreview(view.state)!;
    expect(preview.rows).toBe(20);
    expect(preview.first.slice(0, 2)).toEqual([
      "WS1001 Margaret Ellis · Older people · 36 points · £6,200.00",
      "WS1002 Arthur Khan · Older people · 54 points · £10,640.00",
    ]);
    expect(preview.blocking).toEqual([]);
    // Irene Walsh's assessment is unfinished: named, and saved anyway (the pane says so again when she is picked).
    expect(preview.problems).toEqual([
      "ServiceUsers row 20 (WS1020 Irene Walsh): Question Communication is unanswered.",
    ]);

    // A council's column for the care group that is text where a known care group belongs; one with none.
    view.dispatch({ type: "columnChosen", field: "Care group", header: "Team" });
    expect(draftPreview(view.state)!.problems.slice(0, 2)).toEqual([
      'ServiceUsers row 1 (WS1001 Margaret Ellis): Care group "North" is not in the price table (it has Older ' +
        "people, Physical disability, Learning disability, Mental health).",
      'ServiceUsers row 2 (WS1002 Arthur Khan): Care group "South" is not in the price table (it has Older ' +
        "people, Physical disability, Learning disability, Mental health).",
    ]);
    view.dispatch({ type: "columnChosen", field: "Care group", header: "" });
    expect(draftPreview(view.state)!.blocking).toEqual(["Choose a column for Care group."]);
    view.dispatch({ type: "columnChosen", field: "Care group", header: "Client group" });
    // A points column of the council's that holds text: named row by row.
    view.dispatch({ type: "columnChosen", field: "Points", header: "Team" });
    expect(draftPreview(view.state)!.problems[0]).toBe(
      'ServiceUsers row 1 (WS1001 Margaret Ellis): Points (Team): expected a number of points, 0 or more; got "North".',
    );
    view.dispatch({ type: "columnChosen", field: "Points", header: ADDED });

    await view.controller.save(view.state);
    expect(view.state.message).toMatchObject({
      intent: "success",
      text: expect.stringContaining(
        "Points and Indicative budget were added at the right of ServiceUsers, as live formulas.",
      ) as string,
    });
    // The mapping the pane saved is the fixture's, row for row.
    expect((await readMapping(view.workbook)).mapping).toEqual(COUNCIL_MAPPING);
    expect(view.state.survey?.toSetUp).toEqual(["Plans", "PlanLines", "PlanSettings", "Budgets", "Payments"]);

    await view.controller.setUp();
    expect(view.state.message?.text).toBe(
      "Added Plans (on Plans), PlanLines (on PlanLines), PlanSettings (on Plan settings), Budgets (on Budgets) and " +
        "Payments (on Payments). Your own tables were kept as they are.",
    );
    expect(view.state.survey?.toSetUp).toEqual([]);
  });

  it("says a mapped table is gone, and offers to map it again rather than set it up anew", async () => {
    const view = await pane();
    await saveMapping(view.workbook, [{ role: "Services", source: { table: "OldCatalogue" }, columns: [] }]);
    await view.controller.survey();
    expect(view.state.survey?.roles[3]).toEqual({
      role: "Services",
      state: "mapped",
      source: "OldCatalogue",
      present: false,
    });
    expect(view.state.survey?.toSetUp).not.toContain("Services");
  });

  it("stops mapping a table, so the add-in's own is used again", async () => {
    const view = await pane();
    await view.controller.edit(view.state, "Services");
    await view.controller.chooseTable(view.state, COUNCIL.services.table);
    await view.controller.save(view.state);
    expect((await view.mapped.names()).tables).toContain("Services");
    await view.controller.unmap(view.state, "Services");
    expect(view.state.survey?.roles[3]).toEqual({ role: "Services", state: "missing" });
    expect((await view.mapped.names()).tables).not.toContain("Services");
  });
});
