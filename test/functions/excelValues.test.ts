// What Excel passes besides plain numbers and text, and what the functions make of it:
// - error values, which reach the functions because functions.json sets allowErrorForDataTypeAny, as a
//   CustomFunctions.Error (learn.microsoft.com/office/dev/add-ins/excel/custom-functions-errors) or, with data
//   types on, as an error cell value { type: "Error", basicValue } (custom-functions-data-types-concepts);
// - rich values (linked data types, entities, images), which arrive as objects with a `type` because
//   functions.json sets allowCustomDataForDataTypeAny (custom-functions-data-types-concepts);
// - blank cells, which arrive as null from Excel on the web for a single cell and as 0 from Excel for
//   Windows, and as 0 in ranges (OfficeDev/office-js#4702, #5262, #1951).
import * as PB from "../../src/functions/functions";
import { bandTable, categoryTable, scoringSheet } from "../fixtures";

type ExcelError = { code: string; message?: string };
const isExcelError = (value: unknown): value is ExcelError => value instanceof CustomFunctions.Error;
const shown = (value: unknown) => (isExcelError(value) ? `${value.code} ${value.message ?? ""}`.trim() : value);
const cells = (result: unknown[][]) => result.map((row) => row.map(shown));

function thrown(call: () => unknown): string {
  try {
    call();
  } catch (error) {
    if (isExcelError(error)) return shown(error) as string;
    throw error;
  }
  throw new Error("expected the call to throw a CustomFunctions.Error");
}

const na = new CustomFunctions.Error(CustomFunctions.ErrorCode.notAvailable, "Question Eating & food is unanswered");
const divisionByZero = { type: "Error", basicValue: "#DIV/0!", errorType: "Div0" };
const reference = new CustomFunctions.Error(CustomFunctions.ErrorCode.invalidReference);
const entity = { type: "Entity", text: "Margaret Ellis", properties: { Points: { type: "Double", basicValue: 45 } } };
const linked = { type: "LinkedEntity", text: "Older people", id: { serviceId: 268, domainId: "x", entityId: "y" } };
const empty = { type: "Empty", basicValue: "" };
const groups = [["Older people"], ["Older people"]];

describe("an error value in a person's cells", () => {
  it("passes through to that person's result, as itself and with its message, while the others compute", () => {
    expect(cells(PB.indicativeBudget([[45], [na]], bandTable, groups))).toEqual([
      [3200],
      ["#N/A Question Eating & food is unanswered"],
    ]);
    expect(cells(PB.indicativeBudget([[45], [45]], bandTable, [["Older people"], [na]], [[divisionByZero], [0]])))
      // An error cell value (data types on) comes back as the error it is: #DIV/0! carries no message.
      .toEqual([["#DIV/0!"], ["#N/A Question Eating & food is unanswered"]]);
    expect(
      cells(
        PB.rasPoints(
          [
            ["C", "B", "D", "A"],
            ["C", na, "D", "A"],
          ],
          scoringSheet,
        ),
      ),
    ).toEqual([[20.5], ["#N/A Question Eating & food is unanswered"]]);
    expect(cells(PB.planTolerance([[1100], [divisionByZero]], [[1000]]))).toEqual([["Green"], ["#DIV/0!"]]);
    expect(
      cells(
        PB.carerCategory([
          [1, 1, 1, 1],
          [1, na, 1, 1],
        ]),
      ),
    ).toEqual([["Standard"], ["#N/A Question Eating & food is unanswered"]]);
  });

  it("that a custom function cannot give back (#REF!, #NAME?, #SPILL!) becomes #VALUE! saying where it was", () => {
    expect(cells(PB.indicativeBudget([[45], [reference]], bandTable, groups))).toEqual([
      [3200],
      ["#VALUE! Points (row 2) holds the error #REF!, which a custom function cannot give back: correct that cell"],
    ]);
    const spill = { type: "Error", basicValue: "#SPILL!", errorType: "Spill" };
    expect(cells(PB.rasPoints([["C", "B", spill, "A"]], scoringSheet))).toEqual([
      [
        "#VALUE! The answer to question Social & community holds the error #SPILL!, " +
          "which a custom function cannot give back: correct that cell",
      ],
    ]);
  });

  it("in a period or method argument is the result of the whole call", () => {
    expect(thrown(() => PB.indicativeBudget([[45]], [[50]], undefined, undefined, na))).toBe(
      "#N/A Question Eating & food is unanswered",
    );
    expect(thrown(() => PB.planCost([[1, 10, "week"]], divisionByZero))).toBe("#DIV/0!");
  });
});

describe("a rich value in a person's cells", () => {
  it("is refused by name and row, never handed back as the result", () => {
    const result = PB.indicativeBudget([[45], [entity]], bandTable, groups);
    expect(result[1][0]).not.toBe(entity);
    expect(cells(result)).toEqual([
      [3200],
      [
        "#VALUE! Points (row 2): a rich value (an Excel data type: Entity), such as a linked data type, entity or " +
          "image; rich values are not supported here, give the plain value",
      ],
    ]);
    expect(cells(PB.indicativeBudget([[45]], bandTable, [[linked]]))[0][0]).toBe(
      "#VALUE! Care group: a rich value (an Excel data type: LinkedEntity), such as a linked data type, entity or " +
        "image; rich values are not supported here, give the plain value",
    );
    expect(cells(PB.rasExplain([[45]], bandTable, groups, [[entity], [0]]))[0][0]).toMatch(
      /^#VALUE! Reduction \(row 1\): a rich value \(an Excel data type: Entity\)/,
    );
    expect(
      cells(
        PB.rasPoints(
          [
            ["C", "B", "D", "A"],
            [entity, "B", "D", "A"],
          ],
          scoringSheet,
        ),
      )[1][0],
    ).toMatch(/^#VALUE! The answer to question Personal care \(row 2\): a rich value .*not supported here/);
    expect(cells(PB.outcomeCategory([[1, entity, 1, 1]]))[0][0]).toMatch(
      /^#VALUE! Outcome 2 \(level of need\): a rich value .*not supported here/,
    );
    expect(cells(PB.planTolerance([[entity]], [[1000]]))[0][0]).toMatch(/^#VALUE! Plan cost: a rich value/);
  });

  it("except an empty cell value, which is a blank", () => {
    expect(cells(PB.indicativeBudget([[empty]], bandTable, [["Older people"]]))).toEqual([
      ["#N/A Points are blank: give the person's RAS points"],
    ]);
    expect(PB.indicativeBudget([[45]], bandTable, [["Older people"]], [[empty]])).toEqual([[3200]]);
  });
});

describe("an error or rich value inside a table-shaped argument", () => {
  it.each([
    [
      "price table",
      () => PB.indicativeBudget([[45]], [bandTable[0], [0, 50, na, 70, 40], ...bandTable.slice(2)], groups),
      "#VALUE! The price table, row 2, column 3: the error #N/A; correct that cell, or the formula it comes from",
    ],
    [
      "price table",
      () => PB.indicativeBudget([[45]], [...bandTable.slice(0, 3), [40, 120, 130, entity, 90]], groups),
      "#VALUE! The price table, row 4, column 4: a rich value (an Excel data type: Entity), such as a linked data " +
        "type, entity or image; rich values are not supported here",
    ],
    [
      "scoring sheet",
      () => PB.rasPoints([["C", "B", "D", "A"]], [...scoringSheet.slice(0, 2), ["Eating & food", 0, reference, 6, ""]]),
      "#VALUE! The scoring sheet, row 3, column 3: the error #REF!; correct that cell, or the formula it comes from",
    ],
    [
      "question ids",
      () => PB.rasPoints([["C", "B", "D", "A"]], scoringSheet, [["Personal care", linked, "x", "y"]]),
      "#VALUE! The question ids, row 1, column 2: a rich value (an Excel data type: LinkedEntity), such as a linked " +
        "data type, entity or image; rich values are not supported here",
    ],
    [
      "plan lines",
      () => PB.planCost([[1, divisionByZero, "week"]]),
      "#VALUE! The plan lines, row 1, column 2: the error #DIV/0!; correct that cell, or the formula it comes from",
    ],
    [
      "tolerance",
      () => PB.planTolerance([[1]], [[1]], [[0.1, na]]),
      "#VALUE! The tolerance, row 1, column 2: the error #N/A; correct that cell, or the formula it comes from",
    ],
  ])("%s: the whole call is #VALUE! with the row and column", (_, call, message) => {
    expect(thrown(call)).toBe(message);
  });

  it("reads an empty cell value in a table as a blank: a blank price is £0 a point", () => {
    const table = [bandTable[0], [0, 50, 60, 70, 40], [20, 80, empty, 100, 60]];
    // 20 × 50 + 5 × 80; Physical disability 20 × 60 + 5 × £0, as a blank cell reaches the functions as 0
    expect(PB.indicativeBudget([[25]], table, [["Older people"]])).toEqual([[1400]]);
    expect(PB.indicativeBudget([[25]], table, [["Physical disability"]])).toEqual([[1200]]);
  });
});

describe("blank cells, as null (Excel on the web) and as 0 (Excel for Windows)", () => {
  it('blank points: null is #N/A; 0 cannot be told from a real 0, so the workbook turns a blank into ""', () => {
    expect(cells(PB.indicativeBudget([[null]], bandTable, [["Older people"]]))).toEqual([
      ["#N/A Points are blank: give the person's RAS points"],
    ]);
    // =PB.INDICATIVE_BUDGET(IF(ISBLANK(H2),"",H2), …) passes "" for a blank on every host
    expect(cells(PB.indicativeBudget([[""]], bandTable, [["Older people"]]))).toEqual([
      ["#N/A Points are blank: give the person's RAS points"],
    ]);
  });

  it("a blank answer: null is unanswered; 0 is no answer code, and the message says it may be a blank", () => {
    expect(cells(PB.rasPoints([["C", null, "D", "A"]], scoringSheet))).toEqual([
      ["#N/A Question Eating & food is unanswered"],
    ]);
    expect(cells(PB.rasPoints([["C", 0, "D", "A"]], scoringSheet))).toEqual([
      [
        "#N/A Answer 0 to question Eating & food is not an answer code of the scoring sheet (codes: A, B, C, D) " +
          "(a blank cell reaches the functions as 0 in Excel for Windows and Mac: fill it in)",
      ],
    ]);
  });

  it("a blank care group or category: 0 is not one, and the message says it may be a blank", () => {
    expect(cells(PB.indicativeBudget([[45]], bandTable, [[0]]))[0][0]).toMatch(
      /^#N\/A Care group 0 is not in the price table .* \(a blank cell reaches the functions as 0/,
    );
    expect(cells(PB.indicativeBudget([[0]], categoryTable, [["Older people"]]))[0][0]).toMatch(
      /^#N\/A Category 0 is not in the price table .* \(a blank cell reaches the functions as 0/,
    );
  });

  it("a blank period or method cell means the default, as null and as 0", () => {
    for (const blank of [null, 0]) {
      expect(PB.indicativeBudget([[45]], bandTable, [["Older people"]], [[blank]], blank, blank)).toEqual([[3200]]);
      // 14,820 a year
      expect(PB.planCost([[10, 28.5, "week"]], blank)).toBe(14820);
    }
  });

  it('a price cell: blank is £0 whether it arrives as null (one cell, on the web) or 0; "-" is no value', () => {
    const withGap = (gap: unknown) => [
      ["Points", "Older people", "Mental health"],
      [0, 50, 40],
      [20, 80, gap],
    ];
    // Excel for Windows (and the web, in a range) passes a blank as 0: the same £0 whatever arrives, so the pane,
    // which reads the cell as blank, gives the same budget. 20 × 40 + 5 × £0.
    for (const blank of [null, "", 0]) {
      expect(PB.indicativeBudget([[25]], withGap(blank), [["Mental health"]])).toEqual([[800]]);
    }
    expect(cells(PB.indicativeBudget([[25]], withGap("-"), [["Mental health"]]))[0][0]).toBe(
      "#VALUE! The price table has no value for the band from 20 points (row 3) for care group Mental health, " +
        "and 25 points need it",
    );
  });

  it('a scoring sheet cell with no points: blank (null) or "-" means the answer is not allowed', () => {
    for (const noValue of [null, "-"]) {
      const sheet = scoringSheet.map((row) => row.map((cell) => (cell === "" ? noValue : cell)));
      expect(cells(PB.rasPoints([["A", "D", "A", "A"]], sheet))).toEqual([
        ['#N/A Answer "D" is not allowed for question Eating & food (allowed: A, B, C)'],
      ]);
    }
  });
});

describe("a table passed without its header row", () => {
  it("is recognised, and the message says to use the table with its header row", () => {
    // PricePoints and Scoring without [#All]: Excel passes the tables' bodies
    expect(thrown(() => PB.indicativeBudget([[45]], bandTable.slice(1), [["Older people"]]))).toMatch(
      /^#VALUE! The price table's first row holds numbers where its header belongs .* Use PricePoints\[#All\] \(the table with its header row\)/,
    );
    expect(thrown(() => PB.rasPoints([["C", "B", "D", "A"]], scoringSheet.slice(1)))).toMatch(
      /^#VALUE! The scoring sheet's first row holds points where its header belongs .* Use Scoring\[#All\] \(the table with its header row\)/,
    );
  });
});
