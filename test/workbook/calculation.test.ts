// The in-memory workbook calculates: A1, sheet-qualified and structured references, spilled arrays, Excel's
// error values with their messages, and the PB functions through the code the add-in registers. A write
// recalculates what depends on it, and nothing else.
import { FunctionLibrary } from "../../src/workbook/memory/customFunctions";
import type { FormulaEngine } from "../../src/workbook/memory/calculation";
import { CellContent, MemoryWorkbook, SheetView } from "../../src/workbook/memory/memoryWorkbook";
import { formulaEngine } from "../../src/workbook/memory/formulaEngine";
import { CellValue, ColumnWrite, SheetCell, TableData, TEXT_FORMAT } from "../../src/workbook/port";
import { setUpWorkbook } from "../../src/workbook/starter";
import { pbFunctionLibrary } from "../support/pbFunctions";

let functions: FunctionLibrary;
beforeAll(async () => {
  functions = await pbFunctionLibrary();
});

async function starter(library: FunctionLibrary = functions) {
  const workbook = new MemoryWorkbook({ formulas: formulaEngine, functions: library });
  await setUpWorkbook(workbook);
  return workbook;
}

/** One person's row of a table read back, by header. */
function person(table: TableData | null, id: string): Record<string, CellValue> {
  const row = table!.rows.find((cells) => cells[0] === id)!;
  return Object.fromEntries(table!.headers.map((header, column) => [header, row[column]]));
}

const sheetOf = (workbook: MemoryWorkbook, name: string): SheetView =>
  workbook.sheetViews().find((sheet) => sheet.name === name)!;
const cell = (workbook: MemoryWorkbook, sheet: string, address: string) => {
  const [, letters, digits] = /^([A-Z])(\d+)$/.exec(address)!;
  return sheetOf(workbook, sheet).cell(Number(digits) - 1, letters.charCodeAt(0) - 65);
};
const value = (workbook: MemoryWorkbook, sheet: string, address: string) => cell(workbook, sheet, address).value;
const formulas = (...cells: [string, string][]): SheetCell[] =>
  cells.map(([address, formula]) => {
    const [, letters, digits] = /^([A-Z])(\d+)$/.exec(address)!;
    return { row: Number(digits) - 1, column: letters.charCodeAt(0) - 65, formula };
  });

describe("a formula engine fetched when the first formula needs it (the browser preview's)", () => {
  it("shows #BUSY! until it arrives, and reads a table of formulas once it has", async () => {
    let arrive: (engine: FormulaEngine) => void = () => undefined;
    let loads = 0;
    const load = () => (loads++, new Promise<FormulaEngine>((resolve) => (arrive = resolve)));
    const workbook = new MemoryWorkbook({ formulas: { load } });
    let changes = 0;
    workbook.onChange(() => changes++);
    const twice: ColumnWrite = { header: "Twice", numberFormat: "General", formula: "=[@N]*2" };
    await workbook.addSheet({
      name: "Sums",
      cells: [{ row: 0, column: 4, value: 7 }, ...formulas(["F1", "=E1+1"])],
      tables: [
        {
          sheet: "Sums",
          name: "Doubled",
          columns: [{ header: "N", numberFormat: "General" }, twice],
          rows: [
            [1, null],
            [5, null],
          ],
        },
      ],
    });
    expect(loads).toBe(0); // fetched when a formula first needs it
    expect(cell(workbook, "Sums", "F1").error).toEqual({
      code: "#BUSY!",
      message: "The formula engine is still loading",
    });
    expect(value(workbook, "Sums", "E1")).toBe(7);
    // Nothing of the workbook waits for the engine but a table of formulas: names come back at once.
    await expect(workbook.names()).resolves.toMatchObject({ tables: ["Doubled"] });
    let read: TableData | null = null;
    const reading = workbook.readTable("Doubled").then((table) => (read = table));
    await Promise.resolve();
    expect(read).toBeNull();
    const before = changes;
    arrive(formulaEngine);
    await reading;
    expect(loads).toBe(1);
    expect(read!.rows).toEqual([
      [1, 2],
      [5, 10],
    ]);
    expect(changes).toBe(before + 1); // the grids redraw with calculated values
    expect(value(workbook, "Sums", "F1")).toBe(8);
    expect(cell(workbook, "Sums", "F1").error).toBeUndefined();
  });
  it("reports a failed fetch to the read that waits for it, and fetches again on the next", async () => {
    let loads = 0;
    const load = () =>
      ++loads < 3 ? Promise.reject(new Error("Loading chunk formulas failed")) : Promise.resolve(formulaEngine);
    const workbook = new MemoryWorkbook({ formulas: { load } });
    const twice: ColumnWrite = { header: "Twice", numberFormat: "General", formula: "=[@N]*2" };
    await workbook.addTables([
      { sheet: "Sums", name: "Doubled", columns: [{ header: "N", numberFormat: "General" }, twice], rows: [[4, null]] },
    ]);
    // The grid's read asks for the engine and shows #BUSY!; its failed fetch is nobody's unhandled error.
    expect(cell(workbook, "Sums", "B2").error?.code).toBe("#BUSY!");
    await Promise.resolve();
    await expect(workbook.readTable("Doubled")).rejects.toThrow("Loading chunk formulas failed");
    await expect(workbook.readTable("Doubled")).resolves.toMatchObject({ rows: [[4, 8]] });
    expect(loads).toBe(3);
  });
  it("can be fetched ahead, as the preview does once idle: formulas then calculate at once", async () => {
    let loads = 0;
    const load = () =>
      ++loads < 2 ? Promise.reject(new Error("Loading chunk formulas failed")) : Promise.resolve(formulaEngine);
    const workbook = new MemoryWorkbook({ formulas: { load } });
    await expect(workbook.prepareFormulas()).resolves.toBeUndefined(); // failed, quietly
    await workbook.prepareFormulas();
    expect(loads).toBe(2);
    await workbook.addSheet({ name: "Sums", cells: [{ row: 0, column: 0, value: 7 }, ...formulas(["B1", "=A1+1"])] });
    expect(value(workbook, "Sums", "B1")).toBe(8); // no #BUSY!: the engine was already there
    await workbook.prepareFormulas();
    expect(loads).toBe(2); // fetched once
  });
});

describe("the starter workbook, calculated", () => {
  it("gives each person points and an indicative budget from the PB functions", async () => {
    const people = await (await starter()).readTable("People");
    // P001 Margaret Ellis, Older people: C B C C B C B A B A C B = 7+2+5+5+2+7+2+0+2+0+6−2 = 36 points;
    // 20 × £150 + 16 × £200 = £6,200.
    expect(person(people, "P001")).toMatchObject({ Points: 36, "Indicative budget": 6200 });
    // P013 Liam O'Connor, Learning disability, 82 points: 20×170 + 20×230 + 20×300 + 22×380 = £22,360.
    expect(person(people, "P013")).toMatchObject({ Points: 82, "Indicative budget": 22360 });
    // An incomplete assessment reads as Excel's values would: the error's code.
    expect(person(people, "P020")).toMatchObject({ Points: "#N/A", "Indicative budget": "#N/A" });
  });

  it("keeps each error's message, passed on through the formulas that use it", async () => {
    const workbook = await starter();
    const people = sheetOf(workbook, "People");
    expect(people.cell(20, 15).error).toEqual({ code: "#N/A", message: "Question Home and living is unanswered" });
    expect(people.cell(20, 16).error).toEqual({ code: "#N/A", message: "Question Home and living is unanswered" });
    expect(people.cell(20, 16).formula).toBe("=PB.INDICATIVE_BUDGET([@Points],PricePoints[#All],[@[Care group]])");
  });
});

describe("recalculation after a write", () => {
  /** The PB functions, counting how often each is evaluated. */
  function counted() {
    const calls: Record<string, number> = {};
    const library: FunctionLibrary = new Map(
      [...functions].map(([name, implementation]) => [
        name,
        (...args: Parameters<typeof implementation>) => {
          calls[name] = (calls[name] ?? 0) + 1;
          return implementation(...args);
        },
      ]),
    );
    return { calls, library };
  }

  it("a price edit recalculates every budget and no points; an answer edit one person's row", async () => {
    const { calls, library } = counted();
    const workbook = await starter(library);
    await workbook.readTable("People");
    expect(calls).toEqual({ "PB.RAS_POINTS": 20, "PB.INDICATIVE_BUDGET": 20 });
    await workbook.readTable("People");
    expect(calls).toEqual({ "PB.RAS_POINTS": 20, "PB.INDICATIVE_BUDGET": 20 }); // kept, not recalculated

    workbook.setCell("PricePoints", 1, 1, 160); // Older people, 0–20 band: £150 → £160
    const people = await workbook.readTable("People");
    expect(calls).toEqual({ "PB.RAS_POINTS": 20, "PB.INDICATIVE_BUDGET": 40 });
    // 20 × £160 + 16 × £200 = £6,400.
    expect(person(people, "P001")["Indicative budget"]).toBe(6400);

    // P002's Personal care answer D → A takes 12 points off: 54 → 42; Older people 20 × £160 + 20 × £200 + 2 × £260.
    workbook.setCell("People", 2, 3, "A");
    const after = await workbook.readTable("People");
    expect(calls).toEqual({ "PB.RAS_POINTS": 21, "PB.INDICATIVE_BUDGET": 41 });
    expect(person(after, "P002")).toMatchObject({ Points: 42, "Indicative budget": 3200 + 4000 + 520 });
  });

  it("recalculates formulas on other sheets: A1, sheet-qualified and structured references", async () => {
    const workbook = await starter();
    await workbook.addSheet({
      name: "Report",
      cells: formulas(
        ["A1", '=SUMIFS(People[Indicative budget],People[Care group],"Mental health")'],
        ["A2", "='PricePoints'!E2*2"],
        ["A3", '=COUNTIFS(People[Care group],"Mental health",People[Points],">40")'],
        ["A4", '=INDEX(People[Name],MATCH("P009",People[Person ID],0))'],
        ["A5", "=A1+A2"],
        ["A6", '=MAXIFS(People[Points],People[Care group],"Mental health")'],
        ["A7", "=MAX(People[Points])"],
      ),
    });
    // Mental health (£140 / £190 / £240 a point): P008 36 → 2,800 + 3,040 = 5,840; P009 49 → 2,800 + 3,800 + 2,160
    // = 8,760; P015 30 → 2,800 + 1,900 = 4,700; P019 47 → 2,800 + 3,800 + 1,680 = 8,280. Total 27,580.
    expect(value(workbook, "Report", "A1")).toBe(27580);
    expect(value(workbook, "Report", "A2")).toBe(280);
    expect(value(workbook, "Report", "A3")).toBe(2); // P009 and P019
    expect(value(workbook, "Report", "A4")).toBe("Grace Okafor");
    expect(value(workbook, "Report", "A5")).toBe(27860);
    expect(value(workbook, "Report", "A6")).toBe(49); // P009
    expect(value(workbook, "Report", "A7")).toBe("#N/A"); // as Excel's MAX: P020 cannot be scored

    workbook.setCell("PricePoints", 1, 4, 150); // Mental health 0–20 band £140 → £150: + 20 × £10 for each of 4
    expect(value(workbook, "Report", "A1")).toBe(27580 + 4 * 200);
    expect(value(workbook, "Report", "A2")).toBe(300);
    expect(value(workbook, "Report", "A5")).toBe(28380 + 300);
  });

  it("follows a table's rows as they are appended, updated and deleted, and a column added later", async () => {
    const workbook = new MemoryWorkbook({ formulas: formulaEngine, functions });
    const id: ColumnWrite = { header: "Id", numberFormat: TEXT_FORMAT };
    const amount: ColumnWrite = { header: "Amount", numberFormat: "General" };
    const flag: ColumnWrite = { header: "Flag", numberFormat: "General" };
    await workbook.addTables([
      {
        sheet: "Lines",
        name: "Lines",
        columns: [id, amount],
        rows: [
          ["a", 1],
          ["b", 2],
        ],
      },
    ]);
    await workbook.addSheet({
      name: "Sums",
      cells: formulas(["A1", "=SUM(Lines[Amount])"], ["A2", "=SUM(Lines[Flag])"], ["A3", "=ROWS(Lines[#Data])"]),
    });
    expect([value(workbook, "Sums", "A1"), value(workbook, "Sums", "A2"), value(workbook, "Sums", "A3")]).toEqual([
      3,
      "#REF!",
      2,
    ]);
    const ref = (row: number, key: string) => ({ row, key: { header: "Id", value: key } });
    await workbook.editTables([{ table: "Lines", columns: [id, amount], append: [["c", 30]] }]);
    expect([value(workbook, "Sums", "A1"), value(workbook, "Sums", "A3")]).toEqual([33, 3]);
    await workbook.editTables([{ table: "Lines", columns: [amount], update: [{ ...ref(0, "a"), values: [10] }] }]);
    expect(value(workbook, "Sums", "A1")).toBe(42);
    await workbook.editTables([{ table: "Lines", columns: [], delete: [ref(1, "b")] }]);
    expect([value(workbook, "Sums", "A1"), value(workbook, "Sums", "A3")]).toEqual([40, 2]);
    await workbook.editTables([{ table: "Lines", columns: [flag], update: [{ ...ref(1, "c"), values: [5] }] }]);
    expect(value(workbook, "Sums", "A2")).toBe(5);
  });

  it("takes a formula typed into a cell, structured references and all", async () => {
    const workbook = await starter();
    workbook.setCell("People", 1, 16, { formula: "=[@Points]*100" });
    expect(person(await workbook.readTable("People"), "P001")["Indicative budget"]).toBe(3600);
    workbook.setCell("People", 1, 16, 5000);
    expect(person(await workbook.readTable("People"), "P001")["Indicative budget"]).toBe(5000);
  });

  it("gives an empty table its first row when its blank row is typed in, as Excel does", async () => {
    const workbook = await starter();
    await workbook.addSheet({ name: "Count", cells: formulas(["A1", "=COUNTA(Plans[Plan ID])"]) });
    expect(value(workbook, "Count", "A1")).toBe(0);
    workbook.setCell("Plans", 1, 0, "PLAN-0009");
    expect((await workbook.readTable("Plans"))!.rows).toHaveLength(1);
    expect(value(workbook, "Count", "A1")).toBe(1);
  });

  it("refuses to write a table's header or a sheet it lacks", async () => {
    const workbook = await starter();
    expect(() => workbook.setCell("People", 0, 0, "ID")).toThrow("That cell heads a column of table People");
    expect(() => workbook.setCell("Nowhere", 0, 0, 1)).toThrow("The workbook has no sheet called Nowhere");
  });
});

describe("spilled arrays", () => {
  async function spilling() {
    const workbook = await starter();
    await workbook.addSheet({
      name: "Spill",
      cells: formulas(
        ["A1", "=SEQUENCE(3,2)"],
        ["D1", "=SUM(A1#)"],
        ["F1", "=TAKE(SORTBY(People[Name],People[Indicative budget],-1),3)"],
        ["H1", "=People[Points]*2"],
      ),
    });
    return workbook;
  }

  it("fill the cells to the right and below, and A1# refers to the block filled", async () => {
    const workbook = await spilling();
    expect(["A1", "B1", "A2", "B2", "A3", "B3"].map((address) => value(workbook, "Spill", address))).toEqual([
      1, 2, 3, 4, 5, 6,
    ]);
    expect(cell(workbook, "Spill", "B3").spilled).toBe(true);
    expect(value(workbook, "Spill", "A4")).toBe("");
    expect(value(workbook, "Spill", "D1")).toBe(21); // 1 + 2 + … + 6
    // The three largest budgets: P013 £22,360, P010 £19,560, P006 £15,140 (P020's #N/A sorts last).
    expect(["F1", "F2", "F3"].map((address) => value(workbook, "Spill", address))).toEqual([
      "Liam O'Connor",
      "Harold Jenkins",
      "Daniel Hughes",
    ]);
    // Operators apply cell by cell: 36 × 2 and 54 × 2; P020's error stays in its own cell.
    expect([value(workbook, "Spill", "H1"), value(workbook, "Spill", "H2")]).toEqual([72, 108]);
    expect(cell(workbook, "Spill", "H20").error?.message).toBe("Question Home and living is unanswered");
    expect(sheetOf(workbook, "Spill")).toMatchObject({ rows: 20, columns: 8 });
  });

  it("show #SPILL! when a cell in the way holds something, and spill again once it is cleared", async () => {
    const workbook = await spilling();
    workbook.setCell("Spill", 1, 1, "in the way"); // B2
    expect(cell(workbook, "Spill", "A1").error).toEqual({
      code: "#SPILL!",
      message: "The spill range A1:B3 isn't blank: B2 holds something",
    });
    expect(value(workbook, "Spill", "A2")).toBe("");
    expect(cell(workbook, "Spill", "D1").error).toEqual({
      code: "#REF!",
      message: "A1# refers to a cell that holds no spilled array",
    });
    // As in Excel, which calculates only the branch IF takes, a spill reference in the other branch is no error.
    workbook.setCell("Spill", 0, 9, { formula: '=IF(ISERROR(A1),"no block",ROWS(A1#))' }); // J1
    expect(cell(workbook, "Spill", "J1").error).toBe(undefined);
    expect(value(workbook, "Spill", "J1")).toBe("no block");
    workbook.setCell("Spill", 1, 1, null);
    expect(value(workbook, "Spill", "J1")).toBe(3);
    expect([value(workbook, "Spill", "A1"), value(workbook, "Spill", "B2"), value(workbook, "Spill", "D1")]).toEqual([
      1, 4, 21,
    ]);
  });

  it("never spill out of a table: an array in a table cell is #SPILL!", async () => {
    const workbook = new MemoryWorkbook({ formulas: formulaEngine, functions });
    await workbook.addTables([
      {
        sheet: "T",
        name: "T",
        columns: [
          { header: "A", numberFormat: "General" },
          { header: "B", numberFormat: "General", formula: "=SEQUENCE(2)" },
        ],
        rows: [[1, null]],
      },
    ]);
    expect((await workbook.readTable("T"))!.rows).toEqual([[1, "#SPILL!"]]);
    expect(sheetOf(workbook, "T").cell(1, 1).error?.message).toBe("A formula in table T cannot spill its array");
  });
});

describe("Excel's values and errors", () => {
  async function sheet(...cells: [string, string][]) {
    const workbook = await starter();
    await workbook.addSheet({ name: "S", cells: formulas(...cells) });
    return workbook;
  }

  it("compares a blank as Excel does, text ignoring case, and applies operators cell by cell", async () => {
    const workbook = await sheet(
      ["A1", '=Z9=""'],
      ["A2", "=Z9=0"],
      ["A3", '="abc"="ABC"'],
      ["A4", "={1,2,3}*2"],
      ["A5", "=-{1;2}"],
      ["A7", "=Z9+1"],
    );
    expect([value(workbook, "S", "A1"), value(workbook, "S", "A2"), value(workbook, "S", "A3")]).toEqual([
      true,
      true,
      true,
    ]);
    expect([value(workbook, "S", "A4"), value(workbook, "S", "B4"), value(workbook, "S", "C4")]).toEqual([2, 4, 6]);
    expect([value(workbook, "S", "A5"), value(workbook, "S", "A6")]).toEqual([-1, -2]);
    expect(value(workbook, "S", "A7")).toBe(1);
  });

  it("rounds as Excel does, half away from zero, and each cell of an array: ROUND(column, 2) spills", async () => {
    const workbook = await sheet(
      ["A1", "=ROUND(10320.8-10640,2)"],
      ["A2", "=ROUND(2.675,2)"],
      ["A3", "=ROUND(-2.5,0)"],
      ["A4", "=ROUND(0,2)"],
      ["A5", "=ROUND(1234.5,-2)"],
      ["A6", "=ROUND({1.005;-0.125;7},2)"],
      ["A9", '=ROUND("x",2)'],
    );
    // 10,320.8 − 10,640 is −319.2000000000007 in floating point
    expect(value(workbook, "S", "A1")).toBe(-319.2);
    expect([2, 3, 4, 5].map((row) => value(workbook, "S", `A${row}`))).toEqual([2.68, -3, 0, 1200]);
    expect(Object.is(value(workbook, "S", "A4"), 0)).toBe(true); // not −0
    expect([6, 7, 8].map((row) => value(workbook, "S", `A${row}`))).toEqual([1.01, -0.13, 7]);
    expect(value(workbook, "S", "A9")).toBe("#VALUE!");
  });

  it("shows each error with what went wrong", async () => {
    const workbook = await sheet(
      ["A1", "=1/0"],
      ["A2", '=IFERROR(1/0,"none")'],
      ["A3", "=NOPE(1)"],
      ["A4", "=SUM(1"],
      ["A5", "=B5+1"],
      ["B5", "=A5+1"],
      ["A6", "='Nowhere'!A1"],
      ["A7", '=PB.INDICATIVE_BUDGET(10,PricePoints[#All],"Children")'],
      ["A8", '=PB.INDICATIVE_BUDGET(-1,PricePoints[#All],"Older people")'],
      ["A9", "=People[Nope]"],
    );
    expect(cell(workbook, "S", "A1").error?.code).toBe("#DIV/0!");
    expect(value(workbook, "S", "A2")).toBe("none");
    expect(cell(workbook, "S", "A3").error).toEqual({ code: "#NAME?", message: "Function NOPE is not implemented." });
    expect(cell(workbook, "S", "A4").error).toMatchObject({ code: "#NAME?", message: /^The formula cannot be read/ });
    expect(cell(workbook, "S", "A5").error?.message).toMatch(/^Circular reference/);
    expect(cell(workbook, "S", "A6").error).toEqual({ code: "#REF!", message: "There is no sheet called Nowhere" });
    expect(cell(workbook, "S", "A7").error).toEqual({
      code: "#N/A",
      message:
        'Care group "Children" is not in the price table ' +
        "(it has Older people, Physical disability, Learning disability, Mental health)",
    });
    expect(cell(workbook, "S", "A8").error).toEqual({
      code: "#VALUE!",
      message: "Points: expected a number of points, 0 or more; got -1",
    });
    expect(cell(workbook, "S", "A9").error).toEqual({
      code: "#REF!",
      message: 'People[Nope]: table People has no column "Nope"',
    });
    // A sheet added later is found by the formula that looked for it.
    workbook.addEmptySheet("Nowhere");
    expect(value(workbook, "S", "A6")).toBe(0);
  });

  it("passes the PB functions' optional and scalar arguments as Excel does", async () => {
    // 45 points, Older people: 20 × £150 + 20 × £200 + 5 × £260 = £8,300 a year; ÷ 52 = £159.615… → £159.62.
    const workbook = await sheet(["A1", '=PB.INDICATIVE_BUDGET(45,PricePoints[#All],"Older people",,"weekly")']);
    expect(value(workbook, "S", "A1")).toBe(159.62);
  });
});

describe("custom functions receive arguments as Excel passes them", () => {
  const seen: unknown[][] = [];
  const echo = {
    echo: (...args: unknown[]) => {
      seen.push(args);
      // As the add-in's functions do (excel.ts): Excel's error object, thrown.
      // eslint-disable-next-line @typescript-eslint/only-throw-error
      if (args[1] === "fail") throw new CustomFunctions.Error(CustomFunctions.ErrorCode.invalidValue, "Told to fail");
      return [[1], [new CustomFunctions.Error(CustomFunctions.ErrorCode.notAvailable, "Second row has no answer")]];
    },
  };
  const parameters = [
    { name: "grid", dimensionality: "matrix" },
    { name: "option", optional: true },
    { name: "more", dimensionality: "matrix", optional: true },
  ];
  const generated = {
    metadataJson: JSON.stringify({ functions: [{ id: "ECHO", parameters }] }),
    associate: [{ id: "ECHO", functionName: "echo" }],
  };

  async function echoing(...cells: [string, CellContent][]) {
    const { customFunctionLibrary } = await import("../../src/workbook/memory/customFunctions");
    const workbook = new MemoryWorkbook({ formulas: formulaEngine, functions: customFunctionLibrary(generated, echo) });
    await workbook.addSheet({ name: "S", cells: [] });
    for (const [address, content] of cells) {
      const [, letters, digits] = /^([A-Z])(\d+)$/.exec(address)!;
      workbook.setCell("S", Number(digits) - 1, letters.charCodeAt(0) - 65, content);
    }
    seen.length = 0;
    return workbook;
  }

  it("a matrix parameter as rows of cells (blank null, an error as an error object), omitted ones null", async () => {
    const workbook = await echoing(
      ["A1", 1],
      ["A2", { formula: "=NA()" }],
      ["B2", "x"],
      ["D1", { formula: "=PB.ECHO(A1:B2)" }],
    );
    expect(value(workbook, "S", "D1")).toBe(1);
    expect(cell(workbook, "S", "D2").error).toEqual({ code: "#N/A", message: "Second row has no answer" });
    const [grid, option, more] = seen[0] as [unknown[][], unknown, unknown];
    expect([grid[0], grid[1][1], option, more]).toEqual([[1, null], "x", null, null]);
    expect(grid[1][0]).toBeInstanceOf(CustomFunctions.Error);
    expect((grid[1][0] as CustomFunctions.Error).code).toBe("#N/A");
  });

  it("one value to a matrix parameter as [[value]], to a scalar one as itself; a range there is #VALUE!", async () => {
    const workbook = await echoing(
      ["A1", { formula: '=PB.ECHO(5,"weekly")' }],
      ["A3", { formula: "=PB.ECHO(5,B1:B2)" }],
      ["A4", { formula: '=PB.ECHO(5,"fail")' }],
    );
    value(workbook, "S", "A1");
    expect(seen[0]).toEqual([[[5]], "weekly", null]);
    expect(cell(workbook, "S", "A3").error).toEqual({
      code: "#VALUE!",
      message: "PB.ECHO: option takes one value, not a range",
    });
    expect(cell(workbook, "S", "A4").error).toEqual({ code: "#VALUE!", message: "Told to fail" });
  });
});
