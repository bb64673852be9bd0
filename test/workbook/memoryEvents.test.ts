// The in-memory workbook tells of changes to its tables as Excel does (Table.onChanged, ExcelApi 1.7): a task after
// the change, "Local" when this session made it, "Remote" when a colleague co-authoring it did.
import { MemoryWorkbook } from "../../src/workbook/memory/memoryWorkbook";
import { formulaEngine } from "../../src/workbook/memory/formulaEngine";
import { TableChange, TEXT_FORMAT } from "../../src/workbook/port";

const id = { header: "Id", numberFormat: TEXT_FORMAT };
const later = () => new Promise((resolve) => setTimeout(resolve, 5));

async function watched() {
  const workbook = new MemoryWorkbook({ formulas: formulaEngine });
  await workbook.addTables([
    { sheet: "Plans", name: "Plans", columns: [id], rows: [["PLAN-0001"]] },
    { sheet: "Notes", name: "Notes", columns: [id], rows: [] },
  ]);
  const heard: TableChange[] = [];
  const stop = await workbook.watchTables(["plans", "Missing"], (change) => heard.push(change));
  return { workbook, heard, stop };
}

describe("the in-memory workbook's table change events", () => {
  it("tells of its own change as Local, a colleague's as Remote, after the change, of tables watched", async () => {
    const { workbook, heard } = await watched();
    const append = { table: "Plans", columns: [id], append: [["PLAN-0002"]] };
    await workbook.editTables([append]);
    // Not yet: Excel raises the event after the change, not in the middle of the add-in's call.
    expect(heard).toEqual([]);
    await later();
    await workbook.colleague().editTables([append, { table: "Notes", columns: [id], append: [["not watched"]] }]);
    await later();
    expect(heard).toEqual([
      { table: "Plans", source: "Local" },
      { table: "Plans", source: "Remote" },
    ]);
  });

  it("tells the colleague's own watchers the other way round, a user's typing as the user's", async () => {
    const { workbook } = await watched();
    const colleague = workbook.colleague();
    const theirs: TableChange[] = [];
    await colleague.watchTables!(["Plans", "Notes"], (change) => theirs.push(change));
    await workbook.editTables([{ table: "Notes", columns: [id], append: [["a note"]] }]);
    await colleague.editTables([{ table: "Plans", columns: [id], append: [["PLAN-0002"]] }]);
    workbook.setCell("Plans", 1, 0, "PLAN-0009");
    await later();
    expect(theirs).toEqual([
      { table: "Notes", source: "Remote" },
      { table: "Plans", source: "Local" },
      { table: "Plans", source: "Remote" },
    ]);
  });

  it("stops telling once stopped, and tells nothing of a write it refused", async () => {
    const { workbook, heard, stop } = await watched();
    await expect(
      workbook.colleague().editTables([
        {
          table: "Plans",
          columns: [id],
          append: [["PLAN-0002"]],
          expect: [{ header: "Id", value: "PLAN-0001", columns: [], rows: [] }],
        },
      ]),
    ).rejects.toThrow("PLAN-0001 is already in the Plans table (row 1)");
    await later();
    expect(heard).toEqual([]);
    await stop();
    await workbook.colleague().editTables([{ table: "Plans", columns: [id], append: [["PLAN-0002"]] }]);
    await later();
    expect(heard).toEqual([]);
  });
});
