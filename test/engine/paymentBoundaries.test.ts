// A ledger's cells on both sides of each rule: amounts with spaces inside their signs, dates with a time after them,
// text before or after a date, month names cut short, and every refusal word for word with the cell as typed, trimmed.
import {
  checkPaymentSign,
  Decimal,
  describePayment,
  readPaymentAmount,
  readPaymentDate,
  serialFromIso,
} from "../../src/engine";
import { failure } from "../support/failure";

const APRIL_1 = serialFromIso("2026-04-01");
const EXPECTED_DATE =
  "expected a date, day first as UK ledgers write it (01/04/2026, 1-Apr-2026, 1 April 2026) or 2026-04-01";

describe("an amount as a ledger writes it", () => {
  it("takes spaces inside brackets and around a sign or a pound sign", () => {
    const read = (text: string) => readPaymentAmount(text).toString();
    expect(["( 25.00 )", "25.00 -", "- 25", "£ 25", "£ - 25", "-£ 25", "( £25 )"].map(read)).toEqual([
      "-25",
      "-25",
      "-25",
      "25",
      "-25",
      "-25",
      "-25",
    ]);
  });

  it("quotes the cell as typed, trimmed, in each refusal", () => {
    expect(failure(() => readPaymentAmount("  abc ")).message).toBe(
      'expected an amount in pounds and pence, such as 1250.50 or -25.00; got "abc"',
    );
    expect(failure(() => readPaymentAmount(" 12.345  ")).message).toBe(
      '"12.345" is not pounds and pence (at most 2 decimal places)',
    );
    expect(failure(() => readPaymentAmount(" 1,000,000.01 ")).message).toBe(
      '"1,000,000.01" is more than £1,000,000.00, surely not one payment',
    );
    expect(readPaymentAmount("1,000,000.00").toString()).toBe("1000000");
  });
});

describe("a date as a ledger writes it", () => {
  it("ignores a time after the date, in each form a ledger writes one", () => {
    expect(
      [
        "01/04/2026 00:00",
        "01/04/2026 9:30:15",
        "2026-04-01T00:00:00",
        "2026-04-01T10:30:00.125Z",
        "2026-04-01T10:30:00+01:00",
        "2026-04-01T10:30:00-0500",
        "2026-04-01 10:30z",
      ].map(readPaymentDate),
    ).toEqual(Array(7).fill(APRIL_1));
  });

  it("takes month names in full or cut to three letters or more, January too, with any spaces or dashes", () => {
    expect(
      ["1 January 2026", "1 Jan 2026", "1  -  Jan.  26", "1 Sept 2026", "1 APR, 2026"].map(readPaymentDate),
    ).toEqual([
      serialFromIso("2026-01-01"),
      serialFromIso("2026-01-01"),
      serialFromIso("2026-01-01"),
      serialFromIso("2026-09-01"),
      APRIL_1,
    ]);
  });

  it("refuses text before or after a date, and a month cut to two letters or not a month, quoting the cell", () => {
    for (const typed of [
      "x2026-04-01",
      "2026-04-01x",
      "101/04/2026",
      "01/04/2026x",
      "x1 Apr 2026",
      "1 Apr 2026x",
      "1 Ma 2026",
      "1 Foo 2026",
      "2026-04-01T10:30:00+1:00",
      "2026-04 10:00-01", // a time only at the end is ignored: not one inside that leaves a date when cut out
    ]) {
      expect(failure(() => readPaymentDate(` ${typed} `)).message).toBe(`${EXPECTED_DATE}; got "${typed}"`);
    }
    expect(failure(() => readPaymentDate(" 31/04/2026 ")).message).toBe(
      `"31/04/2026" is not a day of the calendar (${EXPECTED_DATE})`,
    );
  });
});

describe("an amount's sign against its kind", () => {
  it("refuses £0 and a payment out below 0, saying which kinds are money back", () => {
    expect(failure(() => checkPaymentSign(new Decimal(0), "Direct payment")).message).toBe(
      "an amount of £0.00 is no payment",
    );
    expect(failure(() => checkPaymentSign(new Decimal("-25"), "One-off")).message).toBe(
      "One-off is money paid out, so its amount is above 0; got -£25.00 " +
        "(money coming back is of the kind Refund or Surplus recovered)",
    );
    expect(() => checkPaymentSign(new Decimal("-25"), "Surplus recovered")).not.toThrow();
    expect(() => checkPaymentSign(new Decimal("0.01"), "One-off")).not.toThrow();
  });
});

describe("a payment in words", () => {
  it("gives the date, person, amount, kind and reference, and says which are missing", () => {
    const payment = {
      date: APRIL_1,
      personId: "P001",
      planId: "PLAN-1",
      amount: new Decimal("1250"),
      kind: "Direct payment" as const,
      reference: "DP-1041",
    };
    expect(describePayment(payment)).toBe("2026-04-01, P001, £1,250.00, Direct payment (DP-1041)");
    expect(describePayment({ ...payment, personId: "", kind: null, reference: "" })).toBe(
      "2026-04-01, no person, £1,250.00, no kind",
    );
  });
});
