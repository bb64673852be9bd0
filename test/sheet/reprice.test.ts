// PB.REPRICE in a real spreadsheet engine (HyperFormula): a proposed price table beside the current one,
// live points and budgets per person, and the summary recalculating when a proposed price or a person
// changes. The summary must agree with the per-person PB.INDICATIVE_BUDGET columns of the same sheet.
import { HyperFormula } from "hyperformula";
import { bandTable, REPRICE_HEADER as HEADER, scoringSheet } from "../fixtures";
import { registerPBFunctions } from "../support/hyperformula";

const people = [
  // id, name, care group, answers to the four questions, reduction
  ["P1", "Ann", "Older people", "D", "C", "D", "A", 0], // 15 + 6 + 7.5 + 0 = 28.5 points
  ["P2", "Bob", "Learning disability", "C", "B", "D", "A", 0], // 10 + 3 + 7.5 + 0 = 20.5
  ["P3", "Cat", "Older people", "B", "B", "B", "A", 0.1], // 5 + 3 + 2.5 + 0 = 10.5
  ["P4", "Dev", "Mental health", "D", "C", "D", "B", 0], // 15 + 6 + 7.5 − 5 = 23.5
  ["P5", "Eve", "Older people", "D", "B", "C", "A", 0], // 15 + 3 + 5 + 0 = 23
  ["P6", "Fay", "Physical disability", "A", "A", "A", "C", 0], // −10, counted as 0
];
// Proposed: Older people's band from 20 points £80 → £88; Mental health's first band £40 → £44.
const proposedTable = bandTable.map((row, index) =>
  index === 2 ? [row[0], 88, ...row.slice(2)] : index === 1 ? [...row.slice(0, 4), 44] : [...row],
);

function whatIfWorkbook(): HyperFormula {
  const rows = people.length + 1;
  const hf = HyperFormula.buildFromSheets(
    {
      Scoring: scoringSheet,
      PricePoints: bandTable,
      ProposedPricePoints: proposedTable,
      People: [
        ["Id", "Name", "Care group", "Q1", "Q2", "Q3", "Q4", "Reduction", "Points", "Current", "Proposed"],
        ...people.map((person, index) => {
          const row = index + 2;
          const budget = (table: string) => `=PB.INDICATIVE_BUDGET(I${row}, ${table}!$A$1:$E$4, C${row}, H${row})`;
          return [
            ...person,
            `=PB.RAS_POINTS(D${row}:G${row}, Scoring!$A$1:$E$5)`,
            budget("PricePoints"),
            budget("ProposedPricePoints"),
          ];
        }),
      ],
      Summary: [
        [
          `=PB.REPRICE(People!I2:I${rows}, PricePoints!A1:E4, ProposedPricePoints!A1:E4, ` +
            `People!C2:C${rows}, People!H2:H${rows})`,
        ],
      ],
    },
    { licenseKey: "gpl-v3" },
  );
  return hf;
}

describe("PB.REPRICE in a real spreadsheet engine", () => {
  let hf: HyperFormula;
  const sheet = (name: string) => hf.getSheetId(name)!;
  /** The summary's cells, 7 rows × 9 columns: the most a four-group table can give. */
  const summary = () =>
    Array.from({ length: 7 }, (_, row) =>
      HEADER.map((_, col) => hf.getCellValue({ sheet: sheet("Summary"), col, row })),
    );
  /** Σ of a People column over one care group, by the sheet's own SUMIFS. */
  const sumIfs = (column: "J" | "K", careGroup: string) =>
    hf.calculateFormula(`=SUMIFS(People!${column}2:${column}7, People!C2:C7, "${careGroup}")`, sheet("Summary"));

  beforeAll(async () => {
    await registerPBFunctions();
  });

  beforeEach(() => {
    hf = whatIfWorkbook();
  });

  afterEach(() => hf.destroy());

  it("spills the summary, agreeing with the per-person budgets of the same sheet", () => {
    const blank = HEADER.map(() => null);
    expect(summary()).toEqual([
      HEADER,
      // Ann 20×50 + 8.5×80 = 1,680 → 1,000 + 8.5×88 = 1,748; Cat 10.5×50 × 0.9 = 472.5 both;
      // Eve 1,000 + 3×80 = 1,240 → 1,000 + 3×88 = 1,264. 3,392.5 → 3,484.5: +92 ÷ 3,392.5 = 0.027118… → 0.0271
      ["Older people", 3, 3392.5, 3484.5, 92, 0.0271, 2, 0, 1],
      // Fay: 0 points, £0 both: Change % blank
      ["Physical disability", 1, 0, 0, 0, "", 0, 0, 1],
      // Bob 20×70 + 0.5×100 = 1,450 both
      ["Learning disability", 1, 1450, 1450, 0, 0, 0, 0, 1],
      // Dev 20×40 + 3.5×60 = 1,010 → 20×44 + 210 = 1,090: +80 ÷ 1,010 = 0.079207… → 0.0792
      ["Mental health", 1, 1010, 1090, 80, 0.0792, 1, 0, 0],
      // 5,852.5 → 6,024.5: +172 ÷ 5,852.5 = 0.029389… → 0.0294
      ["Total", 6, 5852.5, 6024.5, 172, 0.0294, 3, 0, 3],
      blank, // the row reserved for Not priced stays empty
    ]);
    for (const [row, careGroup] of [
      "Older people",
      "Physical disability",
      "Learning disability",
      "Mental health",
    ].entries())
      expect([careGroup, sumIfs("J", careGroup), sumIfs("K", careGroup)]).toEqual([
        careGroup,
        summary()[row + 1][2],
        summary()[row + 1][3],
      ]);
  });

  it("recalculates when a proposed price is edited", () => {
    // Older people's first band £50 → £45 a point in the proposed table
    hf.setCellContents({ sheet: sheet("ProposedPricePoints"), col: 1, row: 1 }, 45);
    // Ann 20×45 + 748 = 1,648; Cat 10.5×45 × 0.9 = 425.25; Eve 900 + 264 = 1,164: all worse off.
    // 3,392.5 → 3,237.25: −155.25 ÷ 3,392.5 = −0.045762… → −0.0458
    expect(summary()[1]).toEqual(["Older people", 3, 3392.5, 3237.25, -155.25, -0.0458, 0, 3, 0]);
    // 5,852.5 → 5,777.25: −75.25 ÷ 5,852.5 = −0.012857… → −0.0129
    expect(summary()[5]).toEqual(["Total", 6, 5852.5, 5777.25, -75.25, -0.0129, 1, 3, 2]);
    expect([sumIfs("K", "Older people"), sumIfs("K", "Mental health")]).toEqual([3237.25, 1090]);
  });

  it("counts a person who cannot be priced under Not priced, and drops a care group left with nobody", () => {
    // Bob answers "Z" to Q2: his points are #N/A, so neither table can price him
    hf.setCellContents({ sheet: sheet("People"), col: 4, row: 2 }, "Z");
    expect(summary()).toEqual([
      HEADER,
      ["Older people", 3, 3392.5, 3484.5, 92, 0.0271, 2, 0, 1],
      ["Physical disability", 1, 0, 0, 0, "", 0, 0, 1],
      ["Mental health", 1, 1010, 1090, 80, 0.0792, 1, 0, 0],
      // 5,852.5 − 1,450 = 4,402.5 → 6,024.5 − 1,450 = 4,574.5: +172 ÷ 4,402.5 = 0.039068… → 0.0391
      ["Total", 5, 4402.5, 4574.5, 172, 0.0391, 3, 0, 2],
      ["Not priced", 1, "", "", "", "", "", "", ""],
      HEADER.map(() => null),
    ]);
  });

  it("says so in the cell, rather than show part of the summary, when a table's size cannot be known ahead", () => {
    // HyperFormula sizes a spill before calculating and cannot see through a named expression: it reserves
    // the 4 rows of a one-group summary, and the 4-group summary (6 rows) does not fit.
    hf.addNamedExpression("Current", "=PricePoints!$A$1:$E$4");
    hf.setCellContents({ sheet: sheet("Summary"), col: 0, row: 0 }, [
      ["=PB.REPRICE(People!I2:I7, Current, ProposedPricePoints!A1:E4, People!C2:C7, People!H2:H7)"],
    ]);
    expect(hf.getCellValue({ sheet: sheet("Summary"), col: 0, row: 0 })).toMatchObject({
      value: "#SPILL!",
      message: "PB.REPRICE gave 6×9 cells; 4×9 were reserved",
    });
  });
});
