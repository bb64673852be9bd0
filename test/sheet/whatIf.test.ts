// The What-if sheet's live formulas in a real spreadsheet engine (HyperFormula, with the PB functions registered
// from the generated functions.json): every figure on the sheet agrees with repriceCohort and the engine for the
// starter cohort, before and after a proposed price cell is edited.
//
// HyperFormula lacks three things Excel has, so the formulas are translated as Excel would resolve them at that
// moment: structured references (People[Points] → 'People'!$K$2:$K$21), spill references ($G$16# → $G$16:$G$35)
// and SEQUENCE sized by a formula (SEQUENCE(ROWS(People[Person ID])) → SEQUENCE(20): HyperFormula sizes an array
// before calculating, from constants only). Its array arithmetic is switched on, as Excel 365's is always.
import { readFileSync } from "fs";
import { DetailedCellError, HyperFormula, RawCellContent } from "hyperformula";
import { Cell, Decimal, LossCap, lossCap, proposePriceTable } from "../../src/engine";
import { MemoryWorkbook } from "../../src/workbook/memory/memoryWorkbook";
import { formulaEngine } from "../../src/workbook/memory/formulaEngine";
import { SheetSpec } from "../../src/workbook/port";
import { capCells } from "../../src/workbook/reports/protectionBlock";
import { whatIfLayout, whatIfSheet } from "../../src/workbook/reports/whatIf";
import { createProposedTable, readWhatIfBook } from "../../src/workbook/reports/whatIfBook";
import { setUpWorkbook } from "../../src/workbook/starter";
import { registerPBFunctions } from "../support/hyperformula";
import { pbFunctionLibrary } from "../support/pbFunctions";
import { expectedWhatIf, sheetWhatIf, Shown } from "../support/whatIfSheet";

const CARE_GROUPS = ["Older people", "Physical disability", "Learning disability", "Mental health"];
/** The starter PricePoints: four bands, lower bounds in "Points from". */
const BANDS = { header: "Points from", count: 4 };
const PEOPLE = 20;

const columnLetter = (index: number): string =>
  (index < 26 ? "" : columnLetter(Math.floor(index / 26) - 1)) + String.fromCharCode(65 + (index % 26));

interface Shape {
  readonly sheet: string;
  readonly headers: readonly string[];
  readonly rows: number;
}

/** How many rows the summary (PB.REPRICE at A6, 9 columns) spills: header, 4 care groups, Total, Not priced. */
const SUMMARY_ROWS = 7;

/**
 * A formula as Excel resolves it now: Table[#All], Table[Column], Table[@[A]:[B]], [@Column] and [@[Column]]
 * (each table on its own sheet from A1; `row` is the 1-based row a table's own formula is in), spill references to
 * the summary (summaryRows) and to the per-person block (all as long as People), and SEQUENCE(ROWS(People[…])).
 */
function toA1(
  formula: string,
  tables: ReadonlyMap<string, Shape>,
  own?: { table: string; row: number },
  summaryRows = SUMMARY_ROWS,
): string {
  const shape = (name: string) => tables.get(name) ?? fail(`No table ${name}`);
  const column = (table: string, header: string) => {
    const index = shape(table).headers.indexOf(header);
    return index < 0 ? fail(`${table} has no column ${header}`) : columnLetter(index);
  };
  const last = (table: string) => shape(table).rows + 1;
  return formula
    .replace(/SEQUENCE\(ROWS\((\w+)\[[^\]]+\]\)\)/g, (_, table: string) => `SEQUENCE(${shape(table).rows})`)
    .replace(/(\w+)\[#All\]/g, (_, table: string) => {
      const { sheet, headers } = shape(table);
      return `'${sheet}'!$A$1:$${columnLetter(headers.length - 1)}$${last(table)}`;
    })
    .replace(
      /(\w+)\[@\[([^\]]+)\]:\[([^\]]+)\]\]/g,
      (_, table: string, first: string, final: string) =>
        `${column(table, first)}${own!.row}:${column(table, final)}${own!.row}`,
    )
    .replace(/(\w+)\[([^\]@#[]+)\]/g, (_, table: string, header: string) => {
      const letter = column(table, header);
      return `'${shape(table).sheet}'!$${letter}$2:$${letter}$${last(table)}`;
    })
    .replace(
      /\[@\[([^\]]+)\]\]|\[@(\w+)\]/g,
      (_, spaced: string | undefined, plain: string | undefined) =>
        `${column(own!.table, (spaced ?? plain)!)}${own!.row}`,
    )
    .replace(/\$([A-Z]+)\$(\d+)#/g, (_, letters: string, row: string) =>
      `${letters}${row}` === "A6"
        ? `$A$6:$I$${5 + summaryRows}`
        : `$${letters}$${row}:$${letters}$${Number(row) + PEOPLE - 1}`,
    );
}

function fail(message: string): never {
  throw new Error(message);
}

/** The workbook's tables, each on its sheet from A1, and the What-if sheet, as HyperFormula's sheets. */
function hyperFormulaOf(workbook: MemoryWorkbook, spec: SheetSpec, summaryRows = SUMMARY_ROWS): HyperFormula {
  const tables = workbook.allTables();
  const shapes = new Map(
    tables.map((table) => [table.name, { sheet: table.sheet, headers: table.headers, rows: table.rows.length }]),
  );
  const sheets: Record<string, RawCellContent[][]> = {};
  for (const table of tables) {
    sheets[table.sheet] = [
      [...table.headers],
      ...table.rows.map((row, index) =>
        row.map((cell) =>
          typeof cell === "string" && cell.startsWith("=")
            ? toA1(cell, shapes, { table: table.name, row: index + 2 })
            : cell,
        ),
      ),
    ];
  }
  const whatIf: RawCellContent[][] = [];
  for (const cell of spec.cells) {
    whatIf[cell.row] ??= [];
    whatIf[cell.row][cell.column] =
      cell.formula !== undefined ? toA1(cell.formula, shapes, undefined, summaryRows) : (cell.value ?? null);
  }
  sheets[spec.name] = Array.from(whatIf, (row) => Array.from(row ?? [], (cell) => cell ?? null));
  // Values as Excel stores them: HyperFormula would otherwise round what it returns to 14 significant digits.
  return HyperFormula.buildFromSheets(sheets, { licenseKey: "gpl-v3", useArrayArithmetic: true, smartRounding: false });
}

/** The sheet's name and the proposal it compares. */
const SHEET = { name: "What-if", proposed: "ProposedPricePoints" };

/** The starter workbook with a care group's rates (or all) changed in ProposedPricePoints, and the What-if sheet. */
async function starterWith(percent: number, careGroup: string | null, cap: LossCap | null = null) {
  const workbook = new MemoryWorkbook({ formulas: formulaEngine, functions: await pbFunctionLibrary() });
  await setUpWorkbook(workbook);
  const book = await readWhatIfBook(workbook);
  const proposal = proposePriceTable(book.current.grid, { kind: "percent", percent: new Decimal(percent), careGroup });
  await createProposedTable(workbook, book, proposal);
  const spec = whatIfSheet({ ...SHEET, careGroups: CARE_GROUPS, bands: BANDS, people: PEOPLE, cap });
  return { workbook, book, proposal, spec };
}

/** The starter workbook with Older people's rates raised by 5% in ProposedPricePoints, and the What-if sheet. */
const olderPeopleFivePercent = () => starterWith(5, "Older people");

describe("the What-if sheet in a real spreadsheet engine", () => {
  beforeAll(registerPBFunctions);

  it("gives the README's PB.REPRICE example, cell for cell", async () => {
    const readme = readFileSync("README.md", "utf8");
    const start = readme.indexOf("## Trying a price-point change");
    const section = readme.slice(start, readme.indexOf("\n## ", start + 1));
    const formula = /^=PB\.REPRICE\(.+\)$/m.exec(section)?.[0] ?? fail("No PB.REPRICE example in the README");
    const table = section.slice(section.indexOf("| Care group | People |"));
    const shown = table
      .split("\n")
      .filter((line) => line.startsWith("|") && !line.startsWith("|---"))
      .map((line) =>
        line
          .split("|")
          .slice(1, -1)
          .map((cell): Shown => (/^-?\d+(\.\d+)?$/.test(cell.trim()) ? Number(cell) : cell.trim())),
      );
    expect(shown).toHaveLength(1 + CARE_GROUPS.length + 2); // header, care groups, Total, Not priced

    const { workbook, spec } = await olderPeopleFivePercent();
    const hf = hyperFormulaOf(workbook, spec);
    const tables = new Map(
      workbook.allTables().map((t) => [t.name, { sheet: t.sheet, headers: t.headers, rows: t.rows.length }]),
    );
    const sheet = hf.getSheetId(hf.addSheet("Example"))!;
    hf.setCellContents({ sheet, row: 0, col: 0 }, toA1(formula, tables));
    const spilled = shown.map((row, r) =>
      row.map((_, c) => {
        const value = hf.getCellValue({ sheet, row: r, col: c });
        return value instanceof DetailedCellError ? value.value : (value ?? "");
      }),
    );
    expect(spilled).toEqual(shown);
    hf.destroy();
  });

  it("holds every change to the penny: all care groups 3% down, P002's change is −319.2", async () => {
    const { workbook, spec } = await starterWith(-3, null);
    const layout = whatIfLayout({ careGroups: CARE_GROUPS, bands: BANDS });
    const hf = hyperFormulaOf(workbook, spec);
    const change = (person: number) =>
      hf.getCellValue({ sheet: hf.getSheetId("What-if")!, row: layout.everyone.row + 1 + person, col: 6 });
    // 10,640 × 0.97 = 10,320.80: subtracted in floating point, −319.2000000000007
    expect(change(1)).toBe(-319.2);
    const changes = Array.from({ length: 19 }, (_, person) => change(person) as number);
    expect(changes.filter((amount) => Math.round(amount * 100) / 100 !== amount)).toEqual([]);
    hf.destroy();
  });

  it("says in A3 who is not priced from the spilled summary itself, and when the summary is an error", async () => {
    const { workbook } = await olderPeopleFivePercent();
    // Written when PricePoints had three care groups: the fourth makes the summary a row longer than its block.
    const spec = whatIfSheet({ ...SHEET, careGroups: CARE_GROUPS.slice(0, 3), bands: BANDS, people: PEOPLE });
    const hf = hyperFormulaOf(workbook, spec);
    const whatIf = hf.getSheetId("What-if")!;
    const read = (row: number) => {
      const value = hf.getCellValue({ sheet: whatIf, row, col: 0 });
      return value instanceof DetailedCellError ? value.value : value;
    };
    expect([read(9), read(10), read(11)]).toEqual(["Mental health", "Total", "Not priced"]);
    expect(read(2)).toBe(
      "1 of 20 people in People cannot be priced: their rows under Everyone show an error (select it to see why) " +
        "and no total counts them.",
    );
    // "abc" for Older people's band from 20 points: PB.REPRICE is one error, and A3 says so.
    workbook.setCell("ProposedPricePoints", 2, 1, "abc");
    const broken = hyperFormulaOf(workbook, spec, 1);
    const a = (row: number) => {
      const value = broken.getCellValue({ sheet: broken.getSheetId("What-if")!, row, col: 0 });
      return value instanceof DetailedCellError ? value.value : value;
    };
    expect(a(5)).toBe("#VALUE!");
    expect(a(2)).toBe(
      "The summary by care group (A6) shows an error, so nothing on this sheet can be worked out: select A6 to see " +
        "why, and put right the table it names.",
    );
    hf.destroy();
    broken.destroy();
  });

  it("agrees with repriceCohort for the starter cohort, before and after a proposed price is edited", async () => {
    const { workbook, book, proposal, spec } = await olderPeopleFivePercent();
    const layout = whatIfLayout({ careGroups: CARE_GROUPS, bands: BANDS });
    const hf = hyperFormulaOf(workbook, spec);
    const whatIf = hf.getSheetId("What-if")!;
    const read = (row: number, col: number): Shown => {
      const value = hf.getCellValue({ sheet: whatIf, row, col });
      return value instanceof DetailedCellError ? value.value : (value ?? "");
    };
    const people = (await workbook.readTable("People"))!;
    const proposed: Cell[][] = proposal.grid.map((row) => [...row]);
    const expected = () => expectedWhatIf(people, book.current.grid, proposed, layout, CARE_GROUPS);

    const before = sheetWhatIf(read, layout, PEOPLE);
    expect(before).toEqual(expected());
    // Hand-checked (see test/workbook/whatIf.test.ts): Older people 58,160 → 61,068, everyone else unchanged.
    expect(before.summary[1]).toEqual(["Older people", 7, 58160, 61068, 2908, 0.05, 7, 0, 0]);
    expect(before.summary[6]).toEqual(["Not priced", 1, "", "", "", "", "", "", ""]);
    // The curves are plotted at 0, each lower bound and the cohort's highest points (P010, 83), the rows left #N/A
    // (no point drawn): exact bends. Older people: 20 × 150 = 3,000; + 20 × 200 = 7,000; + 20 × 260 = 12,200;
    // + 23 × 320 = 19,560
    // now, each 5% more as proposed (3,150, 7,350, 12,810, 20,538).
    expect(before.curve.slice(1).map((row) => row.slice(0, 3))).toEqual([
      [0, 0, 0],
      [20, 3000, 3150],
      [40, 7000, 7350],
      [60, 12200, 12810],
      [83, 19560, 20538],
      ...Array.from({ length: 9 }, () => ["#N/A", "#N/A", "#N/A"]),
    ]);

    // Mental health's band from 20 points £190 → £150 a point: P008 (36 points) loses 16 × £40 = £640, P009 (49)
    // 20 × £40 = £800, P015 (30) £400, P019 (47) £800 — a tie for the largest loss, P009 first (row 9).
    hf.setCellContents({ sheet: hf.getSheetId("ProposedPricePoints")!, row: 2, col: 4 }, 150);
    proposed[2][4] = 150;
    const after = sheetWhatIf(read, layout, PEOPLE);
    expect(after).toEqual(expected());
    expect(after.losses.slice(0, 5).map((row) => [row[0], row[3]])).toEqual([
      ["P009", -800],
      ["P019", -800],
      ["P008", -640],
      ["P015", -400],
      ["", ""],
    ]);
    // 27,580 − 2,640 = 24,940: −2,640 ÷ 27,580 = −0.095721… → −0.0957
    expect(after.summary[4]).toEqual(["Mental health", 4, 27580, 24940, -2640, -0.0957, 0, 4, 0]);
    // The distribution: the largest change is £978 (P010's gain), so bands of £200 (978 ÷ 5 up to the next £10).
    // Losses of 800, 800 and 640 are in "Lose £600–800", 400 in "Lose £200–400"; 8 unchanged (19 priced − 4 − 7);
    // gains 75 | 250, 270, 310 | 493, 532 | – | 978.
    expect(after.distribution.map((row) => row[1])).toEqual(["People", 0, 3, 0, 1, 0, 8, 1, 3, 2, 0, 1, 200]);

    // A proposed bound moved, 20 → 25: the curves gain a point at 25, where the proposed line now bends. Older
    // people as proposed: 25 × 157.50 = 3,937.50 there, and 3,937.50 + 15 × 210 = 7,087.50 at 40.
    hf.setCellContents({ sheet: hf.getSheetId("ProposedPricePoints")!, row: 2, col: 0 }, 25);
    proposed[2][0] = 25;
    const moved = sheetWhatIf(read, layout, PEOPLE);
    expect(moved).toEqual(expected());
    expect(moved.curve.slice(1, 7).map((row) => row.slice(0, 3))).toEqual([
      [0, 0, 0],
      [20, 3000, 3150],
      [25, 4000, 3937.5],
      [40, 7000, 7087.5],
      [60, 12200, 12547.5],
      [83, 19560, 20275.5],
    ]);
    hf.destroy();
  });

  it("caps each loss in the first year as the engine does, and counts the protection's cost (25 §4)", async () => {
    // Every rate 10% down, each loss capped at 5% of the current budget.
    const cap = lossCap("percent", new Decimal("0.05"));
    const { workbook, book, proposal, spec } = await starterWith(-10, null, cap);
    const layout = whatIfLayout({ careGroups: CARE_GROUPS, bands: BANDS });
    const hf = hyperFormulaOf(workbook, spec);
    const whatIf = hf.getSheetId("What-if")!;
    const read = (row: number, col: number): Shown => {
      const value = hf.getCellValue({ sheet: whatIf, row, col });
      return value instanceof DetailedCellError ? value.value : (value ?? "");
    };
    const people = (await workbook.readTable("People"))!;
    const expected = (withCap: LossCap | null) =>
      expectedWhatIf(people, book.current.grid, proposal.grid, layout, CARE_GROUPS, withCap);
    const capped = sheetWhatIf(read, layout, PEOPLE);
    expect(capped).toEqual(expected(cap));
    // Hand-worked: each budget falls 10% and the cap gives 5% back: 5% of £170,435.00 is £8,521.75 for the 19
    // people priced; P002 (£10,640) has £10,108 in the first year, not £9,576: protection £532.
    expect(capped.protection).toEqual(["%", 500, 0, 19, 8521.75, 161913.25, -8521.75]);
    expect(capped.everyone[1].slice(4)).toEqual([10640, 9576, -1064, 2, 10108, 532]);
    // P020 cannot be priced: no first year either.
    expect(capped.everyone[19].slice(8)).toEqual(["#N/A", "#N/A"]);

    // 2.25% typed on the sheet. P004 has £6,210: 2.25% is £139.725, half-up £139.73 (the sheet's ROUND of pence ×
    // basis points ÷ 10,000 is the engine's), so P004 keeps £6,070.27 of the £5,589 proposed.
    const cells = capCells(layout.cap);
    hf.setCellContents({ sheet: whatIf, row: cells.percent.row, col: cells.percent.column }, 0.0225);
    const quarter = sheetWhatIf(read, layout, PEOPLE);
    expect(quarter).toEqual(expected(lossCap("percent", new Decimal("0.0225"))));
    expect(quarter.everyone[3].slice(4)).toEqual([6210, 5589, -621, 4, 6070.27, 481.27]);

    // £1,000 a year: only budgets over £10,000 lose more than that.
    hf.setCellContents({ sheet: whatIf, row: cells.percent.row, col: cells.percent.column }, null);
    hf.setCellContents({ sheet: whatIf, row: cells.amount.row, col: cells.amount.column }, 1000);
    expect(sheetWhatIf(read, layout, PEOPLE)).toEqual(expected(lossCap("amount", new Decimal(1000))));
    hf.destroy();
  });
});
