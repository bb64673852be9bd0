// PB.IN_YEAR_COST in a real spreadsheet engine (HyperFormula): plans with real dates (DATE formulas) and
// ISO text, the financial year in two cells, spilled and per-row formulas, checked against hand figures and
// against the sheet's own arithmetic; and the engine's date serials and EDATE against HyperFormula's.
import { HyperFormula } from "hyperformula";
import { addMonths, dateSerial, isoFromSerial } from "../../src/engine";
import { registerPBFunctions } from "../support/hyperformula";

const plans = [
  // annual £, start, end
  [36_500, "=DATE(2025,6,1)", null], // ongoing all year: 365 days
  [36_500, "=DATE(2026,10,1)", null], // 1 October to 31 March: 182 days
  [10_000, "2026-05-15", "2026-06-14"], // ISO text: 31 days
  [1_000, "=DATE(2026,4,1)+0.75", "=DATE(2026,4,30)+0.5"], // times of day ignored: 30 days
  [36_500, "=DATE(2025,4,1)", "=DATE(2026,3,31)"], // ended before the year
];

function financeWorkbook(): HyperFormula {
  return HyperFormula.buildFromSheets(
    {
      Plans: [
        ["Annual", "Start", "End", "In year", "Sheet's own"],
        ...plans.map((plan, index) => {
          const row = index + 2;
          return [
            ...plan,
            `=PB.IN_YEAR_COST(A${row}, B${row}, C${row}, Finance!$B$1, Finance!$B$2)`,
            // The same rule in the sheet's own functions, for the plans whose dates are serials
            typeof plan[1] === "string" && plan[1].startsWith("=")
              ? `=ROUND(A${row} * MAX(0, MIN(IF(ISBLANK(C${row}), Finance!$B$2, INT(C${row})), Finance!$B$2) - ` +
                `MAX(INT(B${row}), Finance!$B$1) + 1) / 365, 2)`
              : null,
          ];
        }),
      ],
      Finance: [
        ["From", "=DATE(2026,4,1)"],
        ["To", "=DATE(2027,3,31)"],
        ["In year", "=PB.IN_YEAR_COST(Plans!A2:A6, Plans!B2:B6, Plans!C2:C6, B1, B2)"],
      ],
    },
    { licenseKey: "gpl-v3" },
  );
}

describe("PB.IN_YEAR_COST in a real spreadsheet engine", () => {
  let hf: HyperFormula;
  const sheet = (name: string) => hf.getSheetId(name)!;
  const column = (name: string, col: number, firstRow: number) =>
    plans.map((_, index) => hf.getCellValue({ sheet: sheet(name), col, row: firstRow + index }));

  beforeAll(async () => {
    await registerPBFunctions();
  });

  beforeEach(() => {
    hf = financeWorkbook();
  });

  afterEach(() => hf.destroy());

  it("gives each plan's cost in the financial year, spilled or per row, as the sheet's own arithmetic does", () => {
    // 36,500; 36,500 × 182 ÷ 365 = 18,200; 10,000 × 31 ÷ 365 = 849.3150…; 1,000 × 30 ÷ 365 = 82.1917…; 0
    const expected = [36_500, 18_200, 849.32, 82.19, 0];
    expect(column("Plans", 3, 1)).toEqual(expected);
    expect(column("Finance", 1, 2)).toEqual(expected);
    expect(column("Plans", 4, 1)).toEqual([36_500, 18_200, null, 82.19, 0]);
  });

  it("recalculates when a plan's end or the year changes", () => {
    // The first plan ends on 30 September 2026: April to September, 183 days; 36,500 × 183 ÷ 365 = 18,300
    hf.setCellContents({ sheet: sheet("Plans"), col: 2, row: 1 }, "=DATE(2026,9,30)");
    expect(hf.getCellValue({ sheet: sheet("Finance"), col: 1, row: 2 })).toBe(18_300);
    // The next year, 2027/28, has 29 February 2028: 366 days; the second plan, ongoing, 36,500 × 366 ÷ 365
    hf.setCellContents({ sheet: sheet("Finance"), col: 1, row: 0 }, "=DATE(2027,4,1)");
    hf.setCellContents({ sheet: sheet("Finance"), col: 1, row: 1 }, "=DATE(2028,3,31)");
    expect(column("Finance", 1, 2)).toEqual([0, 36_600, 0, 0, 0]);
  });

  it("shows a plan's error with its message in its own row", () => {
    hf.setCellContents({ sheet: sheet("Plans"), col: 2, row: 3 }, "2026-05-01"); // ends before it starts
    expect(hf.getCellValue({ sheet: sheet("Finance"), col: 1, row: 4 })).toMatchObject({
      value: "#VALUE!",
      message: "End (2026-05-01) is before Start (2026-05-15): give the cost's last day",
    });
    expect(hf.getCellValue({ sheet: sheet("Finance"), col: 1, row: 3 })).toBe(18_200);
  });

  it("numbers days as the spreadsheet's DATE does, and adds months as its EDATE does but for a leap-year slip", () => {
    const days: [number, number, number][] = [];
    for (let year = 2023; year <= 2029; year++)
      for (let month = 1; month <= 12; month++)
        for (const day of [1, 15, 28, 29, 30, 31]) days.push([year, month, day]);
    const real = days.filter(([year, month, day]) => new Date(Date.UTC(year, month - 1, day)).getUTCDate() === day);
    const months = [-13, -1, 1, 11, 12, 25];
    const calculated = hf.getSheetId(hf.addSheet("Dates"))!;
    hf.setSheetContent(
      calculated,
      real.map(([year, month, day]) => [
        `=DATE(${year},${month},${day})`,
        ...months.map((n) => `=EDATE(DATE(${year},${month},${day}),${n})`),
      ]),
    );
    const ours = real.map(([year, month, day]) => {
      const serial = dateSerial({ year, month, day });
      return [serial, ...months.map((n) => addMonths(serial, n))];
    });
    const sheets = hf.getSheetValues(calculated) as number[][];
    expect(sheets.map((row) => row[0])).toEqual(ours.map((row) => row[0]));
    // They differ only where EDATE lands on 29 February of a leap year: HyperFormula 3.5 clamps the day to
    // a table of month lengths without leap years (DateTimeHelper's truncateDayInMonth) and gives the
    // 28th; Excel clamps to the month's real last day, as addMonths does.
    const differences = ours.flatMap((row, index) =>
      row.flatMap((serial, col) =>
        serial === sheets[index][col] ? [] : [`${isoFromSerial(serial)} / ${isoFromSerial(sheets[index][col])}`],
      ),
    );
    expect(differences.length).toBeGreaterThan(0);
    expect(differences.filter((pair) => !/^(\d{4})-02-29 \/ \1-02-28$/.test(pair))).toEqual([]);
  });
});
