// The column kinds of the declared tables: what each writes (value and number format) and reads back.
import fc from "fast-check";
import { Decimal, EngineError } from "../../src/engine";
import { date, dateTime, money, text } from "../../src/workbook/schema/columns";

describe("column kinds", () => {
  it("keeps text as text, in Excel's text format", () => {
    const id = text("Person ID");
    expect(id.numberFormat).toBe("@");
    expect(id.write("00123")).toBe("00123");
    expect(id.read("  00123 ")).toBe("00123");
    expect(id.read(null)).toBe("");
  });

  it("reads a date from an Excel serial or ISO text and writes the serial with a date format", () => {
    const start = date("Start date");
    expect(start.numberFormat).toBe("d mmm yyyy");
    // 1 April 2026 is 46,113 days after 30 December 1899 (the origin Excel's 1900 system counts from).
    expect(start.read(46113)).toBe("2026-04-01");
    expect(start.read(46113.75)).toBe("2026-04-01"); // a time of day is ignored
    expect(start.read("2026-04-01")).toBe("2026-04-01");
    expect(start.write("2026-04-01")).toBe(46113);
    expect(start.read("")).toBeNull();
    expect(() => start.read("1 April")).toThrow(EngineError);
    expect(() => start.read("2026-02-30")).toThrow(/Start date: expected a date/);
  });

  it("reads a date and time to the minute and writes it as a serial with the time as its fraction", () => {
    const updated = dateTime("Updated at");
    // 24 November 2026 is serial 46,350; 14:05 is 845 minutes, 845 / 1440 of a day.
    expect(updated.write("2026-11-24T14:05")).toBe(46350 + 845 / 1440);
    expect(updated.read(46350 + 845 / 1440)).toBe("2026-11-24T14:05");
    // An older workbook's text stamp still reads.
    expect(updated.read("2026-11-24 14:05")).toBe("2026-11-24T14:05");
    expect(() => updated.read("yesterday")).toThrow('Updated at: expected a date and time; got "yesterday"');
  });

  it("round-trips every day and minute through the serial Excel holds", () => {
    const updated = dateTime("Updated at");
    fc.assert(
      fc.property(fc.integer({ min: 61, max: 2_958_465 }), fc.integer({ min: 0, max: 1439 }), (day, minute) => {
        const serial = day + minute / 1440;
        const read = updated.read(serial)!;
        return updated.write(read) === serial && date("Day").write(read.slice(0, 10)) === day;
      }),
    );
  });

  it("writes money as the number it is and refuses what is not an amount", () => {
    const cost = money("Unit cost");
    expect(cost.numberFormat).toBe("£#,##0.00");
    expect(cost.write(new Decimal("19.55"))).toBe(19.55);
    expect(cost.read("£1,250.50").toString()).toBe("1250.5");
    expect(() => cost.read("abc")).toThrow('Unit cost: expected an amount in £, 0 or more; got "abc"');
    expect(() => cost.read(null)).toThrow("Unit cost: expected an amount in £, 0 or more; got a blank cell");
  });
});
