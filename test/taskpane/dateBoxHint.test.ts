import { dateBoxHint } from "../../src/taskpane/views/dateBoxHint";

describe("a date box's hint", () => {
  it("says the day in words, whatever order the browser shows it in; a blank or wrong box keeps the hint", () => {
    // Chromium in the US shows 2026-10-01 as 10/01/2026: the words say it is the 1st of October.
    expect(dateBoxHint("2026-10-01", "Blank: ongoing")).toBe("1 Oct 2026. Blank: ongoing");
    expect(dateBoxHint("2028-02-29", "Ends 28 Feb 2029")).toBe("29 Feb 2028. Ends 28 Feb 2029");
    expect(dateBoxHint("", "Blank: ongoing")).toBe("Blank: ongoing");
    expect(dateBoxHint("2027-02-29", "Blank: ongoing")).toBe("Blank: ongoing");
  });
});
