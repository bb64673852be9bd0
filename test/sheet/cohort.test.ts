// A small cohort workbook calculated by a real spreadsheet engine (HyperFormula) with the PB
// functions, as a finance officer would build it: live formulas over a scoring sheet and price points.
import { DetailedCellError, HyperFormula } from "hyperformula";
import { bandTable, scoringSheet } from "../fixtures";
import { registerPBFunctions } from "../support/hyperformula";

const people = [
  // id, name, care group, answers to the four questions
  ["P1", "Ann", "Older people", "D", "C", "D", "A"], // 15 + 6 + 7.5 + 0 = 28.5 points
  ["P2", "Bob", "Learning disability", "C", "B", "D", "A"], // 10 + 3 + 7.5 + 0 = 20.5
  ["P3", "Cat", "Older people", "B", "B", "B", "A"], // 5 + 3 + 2.5 + 0 = 10.5
  ["P4", "Dev", "Mental health", "D", "C", "D", "B"], // 15 + 6 + 7.5 - 5 = 23.5
  ["P5", "Eve", "Older people", "D", "B", "C", "A"], // 15 + 3 + 5 + 0 = 23
  ["P6", "Fay", "Physical disability", "A", "A", "A", "C"], // -10, counted as 0
];

function cohortWorkbook(): HyperFormula {
  const peopleSheet = [
    ["Id", "Name", "Care group", "Q1", "Q2", "Q3", "Q4", "Points", "Budget", "Weekly", "Plan cost", "Light"],
    ...people.map((person, index) => {
      const row = index + 2;
      return [
        ...person,
        `=PB.RAS_POINTS(D${row}:G${row}, Scoring!$A$1:$E$5)`,
        `=PB.INDICATIVE_BUDGET(H${row}, PricePoints, C${row})`,
        `=PB.INDICATIVE_BUDGET(H${row}, PricePoints, C${row}, 0, "weekly")`,
        index === 0 ? "=PB.PLAN_COST(Plans!A2:C4)" : null,
        index === 0 ? "=PB.PLAN_TOLERANCE(K2, I2)" : null,
      ];
    }),
  ];
  const hf = HyperFormula.buildFromSheets(
    {
      Scoring: scoringSheet,
      PricePoints: bandTable,
      People: peopleSheet,
      Plans: [
        ["Quantity", "Unit cost", "Frequency"],
        [1, 28.5, "week"], // 1,482 a year
        [1, 350, "once"], // 350
        [2, 34, "year"], // 68
      ],
      Spilled: [
        [
          "=PB.RAS_POINTS(People!D2:G7, Scoring!A1:E5)",
          "=PB.INDICATIVE_BUDGET(People!H2:H7, PricePoints, People!C2:C7)",
          "=PB.RAS_EXPLAIN(People!H2, PricePoints, People!C2)",
        ],
      ],
    },
    { licenseKey: "gpl-v3" },
  );
  hf.addNamedExpression("PricePoints", "=PricePoints!$A$1:$E$4");
  return hf;
}

describe("a cohort workbook in a real spreadsheet engine", () => {
  let hf: HyperFormula;
  const sheet = (name: string) => hf.getSheetId(name)!;
  const value = (name: string, column: number, row: number) =>
    hf.getCellValue({ sheet: sheet(name), col: column, row });
  const column = (name: string, col: number) => people.map((_, index) => value(name, col, index + 1));

  beforeAll(async () => {
    await registerPBFunctions();
  });

  beforeEach(() => {
    hf = cohortWorkbook();
  });

  afterEach(() => hf.destroy());

  it("calculates points, budgets and the plan's light from live formulas", () => {
    expect(column("People", 7)).toEqual([28.5, 20.5, 10.5, 23.5, 23, 0]);
    // Ann 20×50 + 8.5×80; Bob 20×70 + 0.5×100; Cat 10.5×50; Dev 20×40 + 3.5×60; Eve 20×50 + 3×80; Fay 0
    expect(column("People", 8)).toEqual([1680, 1450, 525, 1010, 1240, 0]);
    // ÷ 52: 32.307…, 27.884…, 10.096…, 19.423…, 23.846…
    expect(column("People", 9)).toEqual([32.31, 27.88, 10.1, 19.42, 23.85, 0]);
    // 1,482 + 350 + 68 = 1,900 against 1,680: |220| / 1,680 = 13.1%
    expect(value("People", 10, 1)).toBe(1900);
    expect(value("People", 11, 1)).toBe("Amber");
  });

  it("spills one result per person, equal to the per-row formulas", () => {
    const spilled = (col: number) => people.map((_, index) => value("Spilled", col, index));
    expect(spilled(0)).toEqual(column("People", 7));
    expect(spilled(1)).toEqual(column("People", 8));
    expect(value("Spilled", 2, 0)).toBe(
      "Care group: Older people. Price points in bands (marginal method), 28.5 points: " +
        "20 points × £50.00 (band 0–20) = £1,000.00; " +
        "8.5 points × £80.00 (band 20–40) = £680.00; total £1,680.00 a year. No reduction. Indicative budget a " +
        "year: £1,680.00",
    );
  });

  it("recalculates every dependent budget when one price point changes", () => {
    // Older people, band from 20: £80 → £90 a point
    hf.setCellContents({ sheet: sheet("PricePoints"), col: 1, row: 2 }, 90);
    // Ann 1,000 + 8.5×90 = 1,765; Eve 1,000 + 3×90 = 1,270; Cat stays within the first band; other groups unchanged
    expect(column("People", 8)).toEqual([1765, 1450, 525, 1010, 1270, 0]);
    // 1,765 / 52 = 33.942…; 1,270 / 52 = 24.423…
    expect(column("People", 9)).toEqual([33.94, 27.88, 10.1, 19.42, 24.42, 0]);
    expect(people.map((_, index) => value("Spilled", 1, index))).toEqual([1765, 1450, 525, 1010, 1270, 0]);
    // 1,900 against 1,765: |135| / 1,765 = 7.6%
    expect(value("People", 11, 1)).toBe("Green");
    expect(value("Spilled", 2, 0)).toMatch(
      /8\.5 points × £90\.00 \(band 20–40\) = £765\.00; total £1,765\.00 a year\..*£1,765\.00$/,
    );
  });

  it("shows a bad cell as an error with its message, only in the rows that use it", () => {
    // Bob (sheet row 3) answers "Z" to Q2
    hf.setCellContents({ sheet: sheet("People"), col: 4, row: 2 }, "Z");
    const message =
      'Answer "Z" to question Eating & food is not an answer code of the scoring sheet (codes: A, B, C, D)';
    expect(value("People", 7, 2)).toMatchObject({ value: "#N/A", message });
    expect(value("Spilled", 0, 1)).toMatchObject({ value: "#N/A", message });
    expect([0, 2, 3, 4, 5].map((index) => value("Spilled", 0, index))).toEqual([28.5, 10.5, 23.5, 23, 0]);
    // Bob's budget column passes his #N/A on unchanged; everyone else's budget still computes
    expect(value("People", 8, 2)).toMatchObject({ value: "#N/A", message });
    expect(value("Spilled", 1, 1)).toMatchObject({ value: "#N/A", message });
    expect([0, 2, 3, 4, 5].map((index) => value("Spilled", 1, index))).toEqual([1680, 525, 1010, 1240, 0]);

    hf.setCellContents({ sheet: sheet("PricePoints"), col: 1, row: 3 }, -5);
    const budget = value("People", 8, 1) as DetailedCellError;
    expect(budget.value).toBe("#VALUE!");
    expect(budget.message).toBe(
      "Price table row 4 (band from 40 points), care group Older people: expected an amount in £, 0 or more; got -5",
    );
  });
});
