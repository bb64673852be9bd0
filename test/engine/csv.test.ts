import fc from "fast-check";
import { parseCsv } from "../../src/engine";
import { failure } from "../support/failure";

const fieldsOf = (text: string) => parseCsv(text).map((row) => row.fields);

describe("parseCsv", () => {
  it("reads plain rows, numbering them as a spreadsheet does (1 is the header)", () => {
    expect(parseCsv("Date,Amount\n2026-04-01,12.50\n2026-04-02,7\n")).toEqual([
      { row: 1, fields: ["Date", "Amount"] },
      { row: 2, fields: ["2026-04-01", "12.50"] },
      { row: 3, fields: ["2026-04-02", "7"] },
    ]);
  });

  it("takes a byte-order mark, CRLF, LF and lone CR line ends alike", () => {
    expect(fieldsOf("\uFEFFa,b\r\n1,2\r\n")).toEqual([
      ["a", "b"],
      ["1", "2"],
    ]);
    expect(fieldsOf("a,b\r1,2\n3,4")).toEqual([
      ["a", "b"],
      ["1", "2"],
      ["3", "4"],
    ]);
  });

  it("keeps commas, doubled quotes and line breaks inside quoted fields", () => {
    const text =
      'Ref,Note,Amount\r\n"INV-1","Home care, April","1,250.50"\r\n' +
      '"INV-2","She said ""thanks""\r\nby phone",7\r\n';
    expect(parseCsv(text)).toEqual([
      { row: 1, fields: ["Ref", "Note", "Amount"] },
      { row: 2, fields: ["INV-1", "Home care, April", "1,250.50"] },
      { row: 3, fields: ["INV-2", 'She said "thanks"\r\nby phone', "7"] },
    ]);
  });

  it("skips blank lines, which still count as rows, and keeps empty fields", () => {
    expect(parseCsv("a,b\n\n1,\n,\n,2")).toEqual([
      { row: 1, fields: ["a", "b"] },
      { row: 3, fields: ["1", ""] },
      { row: 5, fields: ["", "2"] },
    ]);
  });

  it("reads semicolon- and tab-separated exports by their header row", () => {
    expect(fieldsOf("Date;Amount\n01/04/2026;12,50")).toEqual([
      ["Date", "Amount"],
      ["01/04/2026", "12,50"],
    ]);
    expect(fieldsOf("Date\tAmount\n01/04/2026\t12.50")).toEqual([
      ["Date", "Amount"],
      ["01/04/2026", "12.50"],
    ]);
  });

  it("finds the separator on the header row alone, outside quotes, a comma on a tie", () => {
    // Two commas on the header, more semicolons below it (after an LF, or a lone CR): commas.
    expect(fieldsOf("Date,Amount,Kind\n1;2;3;4;5")).toEqual([["Date", "Amount", "Kind"], ["1;2;3;4;5"]]);
    expect(fieldsOf("Date,Amount,Kind\r1;2;3;4;5")).toEqual([["Date", "Amount", "Kind"], ["1;2;3;4;5"]]);
    // Commas (and a line break) inside a quoted header field do not count; the two semicolons after it do.
    expect(fieldsOf('"Paid, on or after, the\nday";Amount;Kind\n1;2;3')).toEqual([
      ["Paid, on or after, the\nday", "Amount", "Kind"],
      ["1", "2", "3"],
    ]);
    expect(fieldsOf("Date,Amount;Kind\n1,2;3")).toEqual([
      ["Date", "Amount;Kind"],
      ["1", "2;3"],
    ]);
  });

  it("opens a quoted field only at a field's start, spaces aside; skips a row of spaces; reads a last row", () => {
    expect(fieldsOf('Item,Note\n  "a, b",5" screen\n  ,   \nlast')).toEqual([
      ["Item", "Note"],
      ["a, b", '5" screen'],
      ["last"],
    ]);
    expect(parseCsv("Date\n2026-04-01").map((row) => row.row)).toEqual([1, 2]);
  });

  it("refuses a quote that is never closed, naming the row it opened on", () => {
    expect(failure(() => parseCsv('a,b\n1,2\n"3,4\n5,6\n'))).toMatchObject({
      kind: "invalid",
      message:
        'Row 3 opens a quoted field (") that is never closed, so the rest of the file cannot be read: check that ' +
        "row in the file",
    });
  });

  it("reads back any table it is given, written as Excel writes CSV (property)", () => {
    const field = fc.string({ unit: fc.constantFrom("a", "1", " ", ",", '"', "\n", "\r\n", "£", "é") });
    const table = fc.array(fc.array(field, { minLength: 3, maxLength: 3 }), { minLength: 1, maxLength: 8 });
    fc.assert(
      fc.property(table, fc.constantFrom("\r\n", "\n"), (rows, newline) => {
        const quote = (value: string) => (/[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);
        // A header row that names the columns, as every export has, so the separator is found from it.
        const text = ["A,B,C", ...rows.map((row) => row.map(quote).join(","))].join(newline) + newline;
        const kept = rows.filter((row) => row.some((value) => value.trim() !== ""));
        expect(fieldsOf(text).slice(1)).toEqual(kept);
      }),
    );
  });
});
