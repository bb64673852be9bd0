// The preview shows each cell as Excel would with its number format, and reads typing as Excel does.
import { columnPixels, displayed, editText, overflowWidth, typedContent } from "../../src/preview/cells";
import { CellView } from "../../src/workbook/memory/memoryWorkbook";
import { TEXT_FORMAT } from "../../src/workbook/port";
import { DATE_FORMAT, DATE_TIME_FORMAT, MONEY_FORMAT, PERCENT_FORMAT } from "../../src/workbook/schema/columns";

const cell = (value: CellView["value"], numberFormat = "General", extra: Partial<CellView> = {}): CellView => ({
  value,
  numberFormat,
  bold: false,
  header: false,
  spilled: false,
  ...extra,
});

describe("a cell as the preview shows it", () => {
  it.each([
    [6200, MONEY_FORMAT, "£6,200.00"],
    [-12.5, MONEY_FORMAT, "-£12.50"],
    [0.05, PERCENT_FORMAT, "5.0%"],
    // 1 April 2026 is 46,113 days after 30 December 1899; 14:02 is 0.5854 of a day (14 × 60 + 2 = 842 of 1,440).
    [46113, DATE_FORMAT, "1 Apr 2026"],
    [46113 + 842 / 1440, DATE_TIME_FORMAT, "1 Apr 2026 14:02"],
    [0.1 + 0.2, "General", "0.3"],
    [36, "General", "36"],
    ["00123", TEXT_FORMAT, "00123"],
    [true, "General", "TRUE"],
    ["", MONEY_FORMAT, ""],
  ])("%p in %s shows as %p", (value, format, shown) => {
    expect(displayed(cell(value, format))).toBe(shown);
  });

  it("shows an error as its code, whatever the format", () => {
    expect(displayed(cell("#N/A", MONEY_FORMAT, { error: { code: "#N/A", message: "No answer" } }))).toBe("#N/A");
  });

  it("starts an edit from the formula as written, or a value that reads back the same", () => {
    expect(editText(cell(6200, MONEY_FORMAT, { formula: "=PB.INDICATIVE_BUDGET([@Points],PricePoints)" }))).toBe(
      "=PB.INDICATIVE_BUDGET([@Points],PricePoints)",
    );
    expect(editText(cell(150, MONEY_FORMAT))).toBe("150");
    expect(editText(cell(0.125, PERCENT_FORMAT))).toBe("12.5%");
    expect(editText(cell(46113, DATE_FORMAT))).toBe("2026-04-01");
    for (const [value, format] of [
      [150, MONEY_FORMAT],
      [0.125, PERCENT_FORMAT],
      [46113, DATE_FORMAT],
      [false, "General"],
      ["Older people", "General"],
    ] as const) {
      expect(typedContent(editText(cell(value, format)), format)).toBe(value);
    }
  });
});

describe("what typing into a cell writes", () => {
  it.each([
    ["160", MONEY_FORMAT, 160],
    ["£1,234.50", MONEY_FORMAT, 1234.5],
    ["-£12.50", MONEY_FORMAT, -12.5],
    ["10%", PERCENT_FORMAT, 0.1],
    ["1e3", "General", 1000],
    [".5", "General", 0.5],
    ["true", "General", true],
    ["Older people", "General", "Older people"],
    ["1,23", "General", "1,23"],
    ["1 Apr 2026", DATE_FORMAT, 46113],
    ["2026-04-01", DATE_FORMAT, 46113],
    ["2026-02-30", DATE_FORMAT, "2026-02-30"],
    ["", MONEY_FORMAT, null],
    ["00123", TEXT_FORMAT, "00123"],
    ["=1+1", TEXT_FORMAT, "=1+1"],
  ])("%p in %s → %p", (text, format, content) => {
    expect(typedContent(text, format)).toEqual(content);
  });

  it("reads =… as a formula", () => {
    expect(typedContent("=[@Points]*2", "General")).toEqual({ formula: "=[@Points]*2" });
    expect(typedContent("=", "General")).toBe("=");
  });
});

describe("text running over the blank cells to its right, as Excel lets it", () => {
  const title = cell("Price what-if: the proposed price points against the current ones");
  const empty = cell("");

  it("runs over the blank cells beside it, as far as the first that is not blank", () => {
    // Columns of 24, 22 and 22 characters: 24 × 7 + 10 = 178 px, then 22 × 7 + 10 = 164 px and 13 px of padding
    // and border for each cell it crosses: 178 + 177 = 355 px; the third cell holds a number and stops it.
    expect(columnPixels(24)).toBe(178);
    expect(overflowWidth([title, empty, cell(3)], 0, [24, 22, 22])).toBe(355);
    expect(overflowWidth([title, empty, empty], 0, [24, 22, 22])).toBe(178 + 177 + 177);
  });

  it("stays in its cell beside a value, a formula's blank, a spilled blank or a column without a width", () => {
    expect(overflowWidth([title, cell("People")], 0, [24, 22])).toBeUndefined();
    expect(overflowWidth([title, cell("", "General", { formula: '=""' })], 0, [24, 22])).toBeUndefined();
    expect(overflowWidth([title, cell("", "General", { spilled: true })], 0, [24, 22])).toBeUndefined();
    expect(overflowWidth([title, empty], 0, [24])).toBeUndefined();
    expect(overflowWidth([title, empty], 0, [])).toBeUndefined();
  });

  it("leaves numbers, errors, headers and a table's cells as they are", () => {
    expect(overflowWidth([cell(6200, MONEY_FORMAT), empty], 0, [24, 22])).toBeUndefined();
    const error = cell("#N/A", "General", { error: { code: "#N/A", message: "No answer" } });
    expect(overflowWidth([error, empty], 0, [24, 22])).toBeUndefined();
    expect(overflowWidth([cell("Points", "General", { header: true }), empty], 0, [24, 22])).toBeUndefined();
    expect(overflowWidth([cell("P001", TEXT_FORMAT, { table: "People" }), empty], 0, [24, 22])).toBeUndefined();
  });
});
