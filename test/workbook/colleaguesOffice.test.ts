// Saving when colleagues save too (issue 23 §2), through the Office.js workbook against the model of Excel: a
// co-author's save merged in between this save's syncs, as Excel merges co-authors' changes when it receives them.
import { Decimal } from "../../src/engine";
import { OfficeWorkbook } from "../../src/workbook/office/officeWorkbook";
import { PlanBook, PlanToSave, readPlanBook, savePlan } from "../../src/workbook/planBook";
import { columnWrites } from "../../src/workbook/schema/rows";
import { PLAN_LINES, PLANS } from "../../src/workbook/schema/tables";
import { setUpWorkbook } from "../../src/workbook/starter";
import { TableChange } from "../../src/workbook/port";
import { ExcelModel, Value } from "../support/excelModel";
import { addService, pane } from "../support/panes";

const AT = new Date(2026, 10, 24, 14, 5);

async function setUp(): Promise<{ model: ExcelModel; workbook: OfficeWorkbook; book: PlanBook }> {
  const model = new ExcelModel();
  model.addSheet("Sheet1");
  const workbook = new OfficeWorkbook(model.run);
  await setUpWorkbook(workbook);
  return { model, workbook, book: await readPlanBook(workbook) };
}

const draft: PlanToSave = {
  planId: null,
  personId: "P002",
  lines: [
    {
      service: "Personal assistant",
      quantity: new Decimal(10),
      unit: "hour",
      unitCost: new Decimal("19.55"),
      frequency: "week",
      managedAs: "Direct payment",
    },
  ],
  status: "Draft",
  reason: "",
  signedOffBy: "",
  startDate: null,
  endDate: null,
  reviewDate: null,
  updatedBy: "Sam Reid",
};

/** A row of a declared table as a co-author's add-in wrote it: these cells by header, the rest blank. */
const rowOf = (spec: typeof PLANS | typeof PLAN_LINES, cells: Record<string, Value>): Value[] =>
  columnWrites(spec).map(({ header }) => cells[header] ?? "");

/** A co-author's save of PLAN-0001 for Joan Whitfield (P003): one line of meals, then the plan's row. */
function theirSave(model: ExcelModel) {
  model.addRowAsUser("PlanLines", rowOf(PLAN_LINES, { "Plan ID": "PLAN-0001", Line: 1, Service: "Meals" }));
  model.addRowAsUser("Plans", rowOf(PLANS, { "Plan ID": "PLAN-0001", "Person ID": "P003", "Updated by": "Priya" }));
}

/** Each Plans row's ID and person, and each PlanLines row's ID and service. */
const held = (model: ExcelModel) => ({
  plans: model.tableValues("Plans").map((row) => row.slice(0, 2)),
  lines: model.tableValues("PlanLines").map((row) => [row[0], row[2]]),
});

// savePlan's syncs in a workbook with no plans: Plans read (1), PlanLines read (1), the edit's check (3), its keys'
// columns (4), PlanLines written (5), Plans written (6), then both read back.
const KEYS_SYNC = 4;
const FIRST_WRITE_SYNC = 5;

describe("a co-author's save merged in while this save is under way", () => {
  it("before the claim is checked: the claim is refused, the workbook read again and the next ID claimed", async () => {
    const { model, workbook, book } = await setUp();
    model.mergeBeforeSync(KEYS_SYNC, () => theirSave(model));
    const saved = await savePlan(workbook, book, draft, AT);
    expect(saved.planId).toBe("PLAN-0002");
    expect(saved.renumberedFrom).toBeUndefined();
    expect(held(model)).toEqual({
      plans: [
        ["PLAN-0001", "P003"],
        ["PLAN-0002", "P002"],
      ],
      lines: [
        ["PLAN-0001", "Meals"],
        ["PLAN-0002", "Personal assistant"],
      ],
    });
  });

  it("after the claim was checked: its rows are written below theirs, never over them, then renumbered", async () => {
    const { model, workbook, book } = await setUp();
    model.mergeBeforeSync(FIRST_WRITE_SYNC, () => theirSave(model));
    const saved = await savePlan(workbook, book, draft, AT);
    expect(saved).toMatchObject({ planId: "PLAN-0002", renumberedFrom: "PLAN-0001" });
    expect(held(model)).toEqual({
      plans: [
        ["PLAN-0001", "P003"],
        ["PLAN-0002", "P002"],
      ],
      lines: [
        ["PLAN-0001", "Meals"],
        ["PLAN-0002", "Personal assistant"],
      ],
    });
  });
});

describe("the Office.js workbook tells of changes to the plan tables (Table.onChanged)", () => {
  const later = () => new Promise((resolve) => setTimeout(resolve, 5));

  it("its own save as Local, a co-author's as Remote, a task after each; nothing once stopped", async () => {
    const { model, workbook, book } = await setUp();
    const heard: TableChange[] = [];
    const before = model.syncs;
    const stop = await workbook.watchTables(["Plans", "PlanLines", "NoSuchTable"], (change) => heard.push(change));
    // One sync to find the tables, one to register the handlers on those there are.
    expect(model.syncs - before).toBe(2);
    await savePlan(workbook, book, draft, AT);
    expect(heard).toEqual([]);
    await later();
    expect(heard).toEqual([
      { table: "PlanLines", source: "Local" },
      { table: "Plans", source: "Local" },
    ]);
    heard.length = 0;
    model.coauthor(["Plans", "PlanLines"], () => theirSave(model));
    await later();
    expect(heard).toEqual([
      { table: "Plans", source: "Remote" },
      { table: "PlanLines", source: "Remote" },
    ]);
    heard.length = 0;
    await stop();
    model.coauthor(["Plans"], () => theirSave(model));
    await later();
    expect(heard).toEqual([]);
  });

  it("a pane told of a co-author's save of the plan it has open says so, read through Excel", async () => {
    const { model, workbook } = await setUp();
    const sam = pane(workbook, "Sam Reid", () => AT);
    await sam.controller.load();
    sam.dispatch({ type: "personPicked", personId: "P002", discard: false });
    addService(sam, "Meals");
    await sam.controller.save(sam.state);
    // Priya's pane adds a line to PLAN-0001 and saves its row: merged into Sam's copy of the workbook.
    model.coauthor(["PlanLines", "Plans"], () => {
      model.addRowAsUser("PlanLines", rowOf(PLAN_LINES, { "Plan ID": "PLAN-0001", Line: 2, Service: "Day centre" }));
      const updatedBy = model.tableCells("Plans").headers.indexOf("Updated by");
      model.tableCells("Plans").rows[0][updatedBy].value = "Priya Shah";
    });
    await sam.controller.colleagueChanged(sam.state);
    expect(sam.state.colleague?.notice.text).toBe(
      "Since you opened or last saved PLAN-0001, Priya Shah saved it at 14:05 on 24 Nov 2026 (it had 1 line then " +
        "and has 2 lines now). Read it again before saving: a save now would be refused, so that their work is not " +
        "overwritten.",
    );
  });
});
