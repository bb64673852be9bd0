// The Review sheet's live formulas in a real spreadsheet engine (HyperFormula, with the PB functions registered from
// the generated functions.json): every block agrees with the engine's figures for the starter workbook with the
// review's Agreed plans, before and after a price is edited, and a cost.
//
// HyperFormula has no structured references and no spill references, so the formulas are translated as Excel would
// resolve them now: Plans[Status] → 'Plans'!$E$2:$E$22, PricePoints[#All] → 'PricePoints'!$A$1:$E$5, People's own
// [@…] references to its row, and a spill reference to the evidence ($D$7#) → the rows the Agreed plans fill. Its
// FILTER, SUMIFS and COUNTIFS with a range of criteria, and array arithmetic, are Excel's (array arithmetic on).
import { DetailedCellError, HyperFormula, RawCellContent } from "hyperformula";
import { calibrationTable, EngineError, rasFitTable } from "../../src/engine";
import { MemoryWorkbook } from "../../src/workbook/memory/memoryWorkbook";
import { CellRange, SheetSpec } from "../../src/workbook/port";
import { reviewLayout, reviewSheet } from "../../src/workbook/reports/review";
import { equityPoints, readReviewBook, reviewSummary } from "../../src/workbook/reports/reviewBook";
import { registerPBFunctions } from "../support/hyperformula";
import { pbFunctionLibrary } from "../support/pbFunctions";
import { reviewWorkbook } from "../support/reviewWorkbook";

const CARE_GROUPS = ["Older people", "Physical disability", "Learning disability", "Mental health"];
const AGREED = 20;

const columnLetter = (index: number): string =>
  (index < 26 ? "" : columnLetter(Math.floor(index / 26) - 1)) + String.fromCharCode(65 + (index % 26));

interface Shape {
  readonly sheet: string;
  readonly headers: readonly string[];
  readonly rows: number;
}

function fail(message: string): never {
  throw new Error(message);
}

/** A formula as Excel resolves it now (each table on its own sheet from A1; `own` for a table's own formulas). */
function toA1(formula: string, tables: ReadonlyMap<string, Shape>, own?: { table: string; row: number }): string {
  const shape = (name: string) => tables.get(name) ?? fail(`No table ${name}`);
  const column = (table: string, header: string) => {
    const index = shape(table).headers.indexOf(header);
    return index < 0 ? fail(`${table} has no column ${header}`) : columnLetter(index);
  };
  const last = (table: string) => shape(table).rows + 1;
  return formula
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
    .replace(/\$([A-Z]+)\$(\d+)#/g, (_, letters: string, row: string) => {
      return `$${letters}$${row}:$${letters}$${Number(row) + AGREED - 1}`;
    });
}

/** The workbook's tables, each on its sheet from A1, and the Review sheet, as HyperFormula's sheets. */
function hyperFormulaOf(workbook: MemoryWorkbook, spec: SheetSpec): HyperFormula {
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
  const review: RawCellContent[][] = [];
  for (const cell of spec.cells) {
    review[cell.row] ??= [];
    review[cell.row][cell.column] = cell.formula !== undefined ? toA1(cell.formula, shapes) : (cell.value ?? null);
  }
  sheets[spec.name] = Array.from(review, (row) => Array.from(row ?? [], (cell) => cell ?? null));
  return HyperFormula.buildFromSheets(sheets, { licenseKey: "gpl-v3", useArrayArithmetic: true });
}

const shown = (cell: unknown) => (cell instanceof EngineError ? "#N/A" : cell);
/** HyperFormula rounds a floating-point result to 10 decimal places (its precisionRounding); so do these. */
const rounded = (cells: unknown[]) => cells.map((cell) => (typeof cell === "number" ? Number(cell.toFixed(10)) : cell));

describe("the Review sheet in a real spreadsheet engine", () => {
  beforeAll(registerPBFunctions);

  it("agrees with PB.RAS_FIT's and PB.CALIBRATE's engine, before and after a price and a cost are edited", async () => {
    const workbook = await reviewWorkbook(await pbFunctionLibrary());
    const input = {
      name: "Review",
      careGroups: CARE_GROUPS,
      bands: 4,
      boundsHeader: "Points from",
      equityPoints: equityPoints(83, 60),
      plans: AGREED,
    };
    const spec = reviewSheet(input);
    const layout = reviewLayout(input);
    const hf = hyperFormulaOf(workbook, spec);
    const review = hf.getSheetId("Review")!;
    const block = (range: CellRange) =>
      Array.from({ length: range.rows }, (_, row) =>
        Array.from({ length: range.columns }, (_, column) => {
          const value = hf.getCellValue({ sheet: review, row: range.row + row, col: range.column + column });
          return value instanceof DetailedCellError ? value.value : (value ?? "");
        }),
      );
    const check = async () => {
      const summary = reviewSummary(await readReviewBook(workbook));
      expect(block(layout.fit)).toEqual(rasFitTable(summary.fit));
      expect(block({ ...layout.fitted, columns: CARE_GROUPS.length + 1 })).toEqual(
        calibrationTable(summary.calibration!).map((row) => row.map(shown)),
      );
      expect(block(layout.proposed)).toEqual(summary.fitted!.proposal.grid);
      expect(block(layout.proposedFit)).toEqual(rasFitTable(summary.fittedFit!));
      return summary;
    };

    const before = await check();
    // Hand-checked in test/workbook/review.test.ts: All 19 used, R² 0.9414, MAE £1,186.50; one Not used (P020).
    expect(block(layout.fit)[5]).toEqual(["All", 19, 0.9414, 1186.5, 1.0445, 0.3684, 0.9474]);
    expect(block(layout.fit)[6]).toEqual(["Not used", 1, "", "", "", "", ""]);
    expect(before.fitted!.kept.map((kept) => kept.careGroup)).toEqual(["Physical disability", "Mental health"]);
    expect(block(layout.byBand)[2]).toEqual(rounded([20, 8, 41975, 42188.9, 42188.9 - 41975, 42188.9 / 41975, 5, 3]));
    expect(block(layout.equity)[10]).toEqual([90, 21_800, 23_600, 25_400, 20_400]);
    expect(block({ row: layout.evidence.row + 1, column: 0, rows: 1, columns: 7 })).toEqual([
      rounded(["PLAN-0001", "P001", "Older people", 36, 7116.2, 6200, 7116.2 - 6200]),
    ]);

    // Mental health's band from 20 points £190 → £150: budgets, the fit and the equity block follow.
    hf.setCellContents({ sheet: hf.getSheetId("PricePoints")!, row: 2, col: 4 }, 150);
    workbook.setCell("PricePoints", 2, 4, 150);
    // Margaret Ellis's plan now costs £6,200, her budget exactly.
    const plans = (await workbook.readTable("Plans"))!;
    const cost = plans.headers.indexOf("Plan cost (annual)");
    hf.setCellContents({ sheet: hf.getSheetId("Plans")!, row: 1, col: cost }, 6200);
    workbook.setCell("Plans", 1, cost, 6200);
    const after = await check();
    expect(after.fit.byCareGroup[3]).not.toEqual(before.fit.byCareGroup[3]);
    expect(block(layout.equity)[10][4]).toBe(2800 + 20 * 150 + 20 * 240 + 30 * 300);
    expect(block({ row: layout.evidence.row + 1, column: 4, rows: 1, columns: 3 })).toEqual([[6200, 6200, 0]]);
    hf.destroy();
  });
});
