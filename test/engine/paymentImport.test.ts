import fc from "fast-check";
import {
  checkImport,
  ColumnMapping,
  Decimal,
  describeRefusal,
  headersOf,
  ImportContext,
  mappingProblems,
  parseCsv,
  PAYMENT_FIELDS,
  paymentKey,
  PaymentRecord,
  readPaymentAmount,
  readPaymentDate,
  serialFromIso,
  suggestMapping,
} from "../../src/engine";
import { failure } from "../support/failure";

const people = new Map(["P001", "P002", "P003", "P004"].map((id) => [id.toLowerCase(), id]));
const plans = new Map(
  [
    ["PLAN-0001", "P001"],
    ["PLAN-0002", "P002"],
  ].map(([planId, personId]) => [planId.toLowerCase(), { planId, personId }]),
);
const existing: PaymentRecord[] = [
  {
    date: serialFromIso("2026-04-28"),
    personId: "P001",
    planId: "PLAN-0001",
    amount: new Decimal("593.02"),
    kind: "Direct payment",
    reference: "DP-0001",
  },
  {
    date: serialFromIso("2026-04-28"),
    personId: "P002",
    planId: "",
    amount: new Decimal("684"),
    kind: "Council-managed invoice",
    reference: "",
  },
];
const context: ImportContext = { people, plans, existing };

/** The file's header and rows, checked with the mapping suggested for its header. */
function check(csv: string, within: ImportContext = context) {
  const [header, ...rows] = parseCsv(csv);
  const mapping = suggestMapping(header.fields);
  return checkImport(rows, mapping, header.fields, within);
}

describe("reading a payment's cells", () => {
  it("reads amounts as ledgers write them, pounds and pence only", () => {
    const read = (text: string) => readPaymentAmount(text).toString();
    expect(
      ["1250.50", "£1,250.50", " 7 ", ".5", "-25.00", "−25", "(25.00)", "25.00-", "-£25", "£-25"].map(read),
    ).toEqual(["1250.5", "1250.5", "7", "0.5", "-25", "-25", "-25", "-25", "-25", "-25"]);
    expect(failure(() => readPaymentAmount("12.345")).message).toBe(
      '"12.345" is not pounds and pence (at most 2 decimal places)',
    );
    expect(failure(() => readPaymentAmount("12,50")).message).toBe(
      'expected an amount in pounds and pence, such as 1250.50 or -25.00; got "12,50"',
    );
    expect(failure(() => readPaymentAmount("1000000.01")).message).toBe(
      '"1000000.01" is more than £1,000,000.00, surely not one payment',
    );
    expect(readPaymentAmount("1,000,000.00").toString()).toBe("1000000");
  });

  it("reads dates day first, as UK ledgers write them, and refuses what it would have to guess", () => {
    const iso = (text: string) => readPaymentDate(text) - serialFromIso("2026-04-01");
    for (const text of [
      "2026-04-01",
      "01/04/2026",
      "1/4/2026",
      "1/4/26",
      "01-04-2026",
      "01.04.2026",
      "1 Apr 2026",
      "01-Apr-26",
      "1 April 2026",
      "1-APR-2026",
      "01/04/2026 00:00",
      "2026-04-01T00:00:00Z",
    ]) {
      expect([text, iso(text)]).toEqual([text, 0]);
    }
    expect(readPaymentDate("29/02/2028")).toBe(serialFromIso("2028-02-29"));
    expect(failure(() => readPaymentDate("04/30/2026")).message).toBe(
      '"04/30/2026" is not a day of the calendar (expected a date, day first as UK ledgers write it (01/04/2026, ' +
        "1-Apr-2026, 1 April 2026) or 2026-04-01)",
    );
    expect(failure(() => readPaymentDate("29/02/2027")).message).toMatch(
      /^"29\/02\/2027" is not a day of the calendar/,
    );
    expect(failure(() => readPaymentDate("April 1st")).message).toBe(
      "expected a date, day first as UK ledgers write it (01/04/2026, 1-Apr-2026, 1 April 2026) or 2026-04-01; " +
        'got "April 1st"',
    );
  });
});

describe("matching the file's columns", () => {
  it("finds each field by the Payments table's name, then by names ledgers use", () => {
    expect(suggestMapping(["Payment date", "Person ID", "Plan ID", "Amount", "Kind", "Reference"])).toEqual({
      date: 0,
      personId: 1,
      planId: 2,
      amount: 3,
      kind: 4,
      reference: 5,
    });
    expect(suggestMapping(["Txn Ref", "Client No.", "Posting Date", "Net amount", "Payment Type"])).toEqual({
      date: 2,
      personId: 1,
      planId: null,
      amount: 3,
      kind: 4,
      reference: null,
    });
  });

  it("prefers the headers the workbook remembers from the last import, and gives a column to one field only", () => {
    const headers = ["Date", "Value date", "Client", "Value", "Type", "Doc"];
    expect(suggestMapping(headers)).toMatchObject({ date: 0, amount: 3, reference: null });
    const remembered = { date: "Value date", reference: "Doc" };
    expect(suggestMapping(headers, remembered)).toEqual({
      date: 1,
      personId: 2,
      planId: null,
      amount: 3,
      kind: 4,
      reference: 5,
    });
    // Strictly: a field without a column, or with one the file does not have, is not remembered at all.
    expect(headersOf({ ...suggestMapping(headers, remembered), planId: 6 }, headers)).toStrictEqual({
      date: "Value date",
      personId: "Client",
      amount: "Value",
      kind: "Type",
      reference: "Doc",
    });
  });

  it("never gives a column already given to one field to another, remembered or by a ledger's name", () => {
    // Remembered for both the date and the amount: the date takes it, the amount its own name.
    expect(suggestMapping(["Paid", "Client", "Amount", "Type"], { date: "Paid", amount: "Paid" })).toEqual({
      date: 0,
      personId: 1,
      planId: null,
      amount: 2,
      kind: 3,
      reference: null,
    });
    // "Package" remembered for the person: no longer free for the plan, whose ledger name it also is.
    expect(suggestMapping(["Package", "Date", "Amount", "Kind"], { personId: "Package" })).toEqual({
      date: 1,
      personId: 0,
      planId: null,
      amount: 2,
      kind: 3,
      reference: null,
    });
  });

  it("finds a remembered header no ledger uses, and never gives a blank header for one of punctuation", () => {
    expect(suggestMapping(["Betrag", "Datum", "Client", "Type"], { amount: "Betrag", date: "Datum" })).toEqual({
      date: 1,
      personId: 2,
      planId: null,
      amount: 0,
      kind: 3,
      reference: null,
    });
    // "#" compares as nothing, as does the blank header: that is no match.
    expect(suggestMapping(["", "Payment date", "Person ID", "Amount", "Kind"], { reference: "#" })).toEqual({
      date: 1,
      personId: 2,
      planId: null,
      amount: 3,
      kind: 4,
      reference: null,
    });
  });

  it("has no header that is a name or ledger's name of two fields", () => {
    // So a column found by a ledger's name can be wanted by no later field (suggestMapping's second pass).
    const keys = PAYMENT_FIELDS.flatMap((spec) =>
      [spec.name, ...spec.synonyms].map((name) => name.toLowerCase().replace(/[^a-z0-9£]/g, "")),
    );
    expect(keys.filter((key, at) => key === "" || keys.indexOf(key) !== at)).toEqual([]);
  });

  it("says what a mapping still needs", () => {
    const headers = ["When", "Who", "How much"];
    const mapping: ColumnMapping = { date: 0, personId: 1, planId: null, amount: 1, kind: null, reference: null };
    expect(mappingProblems(mapping, headers)).toEqual([
      "Choose the file's column for Kind: every payment needs it.",
      'The column "Who" is chosen for both Person ID and Amount.',
    ]);
    expect(mappingProblems(suggestMapping(headers), headers)).toEqual([
      "Choose the file's column for Payment date, Person ID, Amount, Kind: every payment needs them.",
    ]);
    const complete: ColumnMapping = { date: 0, personId: 1, planId: null, amount: 2, kind: 3, reference: null };
    expect(mappingProblems(complete, [...headers, "Kind"])).toEqual([]);
    expect(mappingProblems({ ...complete, date: 4, reference: -1 }, [...headers, "Kind"])).toEqual([
      "Payment date: the file has no column 5.",
      "Reference: the file has no column 0.",
    ]);
  });
});

describe("checking an import", () => {
  it("adds good rows and refuses each bad one with its row, column and reason", () => {
    const result = check(
      [
        "Payment date,Person ID,Plan ID,Amount,Kind,Reference",
        "26/05/2026,P001,PLAN-0001,593.02,Direct payment,DP-0002",
        "31/02/2026,P002,,684.00,Invoice,INV-9",
        "26/05/2026,P099,,100.00,Direct payment,DP-0003",
        "26/05/2026,P003,,12.345,One-off,OO-1",
        "26/05/2026,P003,,25.00,Refund,RF-1",
        "26/05/2026,P004,PLAN-0002,40.00,ISF,ISF-1",
        "26/05/2026,p003,PLAN-0077,-25.00,refund,RF-2",
        "26/05/2026,,,,Fee,",
      ].join("\r\n"),
    );
    expect(result.rows).toBe(8);
    expect(result.toAdd.map((payment) => [payment.row, payment.personId, payment.planId, payment.kind])).toEqual([
      [2, "P001", "PLAN-0001", "Direct payment"],
      [8, "P003", "PLAN-0077", "Refund"],
    ]);
    expect(result.toAdd[1].amount.toString()).toBe("-25");
    expect(result.unknownPlans).toBe(1);
    expect(result.refused.map(describeRefusal)).toEqual([
      'Row 3: Payment date: "31/02/2026" is not a day of the calendar (expected a date, day first as UK ledgers ' +
        "write it (01/04/2026, 1-Apr-2026, 1 April 2026) or 2026-04-01)",
      'Row 4: Person ID: "P099" is not in People',
      'Row 5: Amount: "12.345" is not pounds and pence (at most 2 decimal places)',
      "Row 6: Amount: Refund is money coming back, so its amount is below 0 (such as -25.00); got £25.00",
      "Row 7: Plan ID: PLAN-0002 is P002's plan, not P004's",
      "Row 9: Person ID: blank, and every payment needs one; " +
        'Kind: "Fee" is not a kind of payment: give one of Direct payment, Council-managed invoice, ' +
        "Individual Service Fund, One-off, Refund, Surplus recovered; Amount: blank, and every payment needs one",
    ]);
    expect(result.duplicates).toEqual([]);
  });

  it("names a column without a header by its field, trims a reference, and gives none without its column", () => {
    const [header, ...rows] = parseCsv(
      "Date,Person,,Kind,Ref\n26/05/2026,P001,abc,One-off,x\n26/05/2026,P001,5,One-off, OO-9 ",
    );
    const mapping: ColumnMapping = { date: 0, personId: 1, planId: null, amount: 2, kind: 3, reference: 4 };
    const result = checkImport(rows, mapping, header.fields, context);
    expect(result.refused.map(describeRefusal)).toEqual([
      'Row 2: Amount: expected an amount in pounds and pence, such as 1250.50 or -25.00; got "abc"',
    ]);
    expect(result.toAdd.map((payment) => [payment.row, payment.reference])).toEqual([[3, "OO-9"]]);
    const unreferenced = checkImport(rows.slice(1), { ...mapping, reference: null }, header.fields, context);
    expect(unreferenced.toAdd.map((payment) => payment.reference)).toEqual([""]);
    // A payment naming no plan is no unknown plan; two naming plans not in Plans are.
    expect(result.unknownPlans).toBe(0);
    const plansNamed = check(
      [
        "Payment date,Person ID,Plan ID,Amount,Kind",
        "26/05/2026,P001,PLAN-0001,1.00,One-off",
        "26/05/2026,P001,PLAN-0098,2.00,One-off",
        "26/05/2026,P001,PLAN-0099,3.00,One-off",
      ].join("\n"),
    );
    expect([plansNamed.toAdd.length, plansNamed.unknownPlans]).toEqual([3, 2]);
  });

  it("knows a payment by its reference, or by date, person, amount and kind without one", () => {
    const result = check(
      [
        "Payment date,Person ID,Amount,Kind,Reference",
        "28/04/2026,P001,593.02,Direct payment,DP-0001", // in Payments by reference
        "28/04/2026,P002,684.00,Invoice,INV-1", // in Payments without a reference: the same payment
        "28/04/2026,P002,684.00,Invoice,", // the same again, without a reference
        "26/05/2026,P003,50.00,One-off,", // new
        "26/05/2026,P003,50.00,One-off,", // repeats the row above
        "26/05/2026,P004,10.00,One-off,OO-7", // new
        "26/05/2026,P004,10.00,One-off,OO-7", // repeats it, reference and all
        "26/05/2026,P004,10.00,One-off,OO-8", // another payment of the same amount that day: its own reference
        "27/05/2026,P001,20.00,One-off,OO-9",
        "27/05/2026,P001,21.00,One-off,OO-9", // the same reference for a different payment
      ].join("\n"),
    );
    expect(result.toAdd.map((payment) => payment.row)).toEqual([5, 7, 9]);
    expect(result.duplicates).toEqual([
      { row: 2, reason: "already in Payments (reference DP-0001)" },
      {
        row: 3,
        reason: "already in Payments (a payment of the same date, person, amount and kind, without a reference)",
      },
      { row: 4, reason: "already in Payments (the same date, person, amount and kind)" },
      { row: 6, reason: "repeats row 5 (the same date, person, amount and kind)" },
      { row: 8, reason: "repeats row 7 (reference OO-7)" },
    ]);
    expect(result.refused.map(describeRefusal)).toEqual([
      'Row 10: Reference: rows 10, 11 give the reference "OO-9" to different payments: correct the file',
      'Row 11: Reference: rows 10, 11 give the reference "OO-9" to different payments: correct the file',
    ]);
  });

  it("refuses a plan only for a person in People, names a plan without one, and blames no amount for a kind", () => {
    const withOrphan = new Map([...plans, ["plan-0003", { planId: "PLAN-0003", personId: "" }]]);
    const result = check(
      [
        "Payment date,Person ID,Plan ID,Amount,Kind,Reference",
        "26/05/2026,P099,PLAN-0001,5.00,One-off,A-1", // the person is the problem, not whose plan it is
        "26/05/2026,P001,plan-0003,5.00,One-off,A-2",
        "26/05/2026,P001,,-5.00,Fee,A-3", // a kind that is none: the amount's sign is not judged
        "26/05/2026,P001,,-5.00,,A-4",
        "26/05/2026,P002,pLAN-0002,7.00,One-off", // no cell for the reference: none
      ].join("\n"),
      { ...context, plans: withOrphan },
    );
    expect(result.refused.map(describeRefusal)).toEqual([
      'Row 2: Person ID: "P099" is not in People',
      "Row 3: Plan ID: PLAN-0003 is nobody's plan, not P001's",
      'Row 4: Kind: "Fee" is not a kind of payment: give one of Direct payment, Council-managed invoice, ' +
        "Individual Service Fund, One-off, Refund, Surplus recovered",
      "Row 5: Kind: blank, and every payment needs one",
    ]);
    expect(result.toAdd.map((payment) => [payment.row, payment.planId, payment.reference])).toEqual([
      [6, "PLAN-0002", ""],
    ]);
  });

  it("tells payments with one reference apart by their plan too, and knows a row without one by a row with one", () => {
    const headers = "Payment date,Person ID,Plan ID,Amount,Kind,Invoice No";
    const result = check(
      [
        headers,
        "27/05/2026,P001,PLAN-0001,20.00,One-off,OO-9",
        "27/05/2026,P001,PLAN-0077,20.00,One-off,OO-9", // another plan: another payment, so the reference is refused
        "27/05/2026,P003,pl-5,30.00,One-off,OO-5",
        "27/05/2026,P003,PL-5,30.00,One-off,OO-5", // the same plan, typed in another case: a repeat
        "27/05/2026,P003,PL-5,30.00,One-off,", // the same date, person, amount and kind as row 4
      ].join("\n"),
    );
    expect(result.refused.map(describeRefusal)).toEqual([
      'Row 2: Invoice No: rows 2, 3 give the reference "OO-9" to different payments: correct the file',
      'Row 3: Invoice No: rows 2, 3 give the reference "OO-9" to different payments: correct the file',
    ]);
    expect(result.toAdd.map((payment) => payment.row)).toEqual([4]);
    expect(result.duplicates).toEqual([
      { row: 5, reason: "repeats row 4 (reference OO-5)" },
      { row: 6, reason: "repeats row 4 (the same date, person, amount and kind)" },
    ]);
    // The reference's column without a header is named by its field.
    const [header, ...rows] = parseCsv(
      ["Payment date,Person ID,Amount,Kind,", "27/05/2026,P001,1.00,One-off,R", "27/05/2026,P001,2.00,One-off,R"].join(
        "\n",
      ),
    );
    const mapping: ColumnMapping = { date: 0, personId: 1, planId: null, amount: 2, kind: 3, reference: 4 };
    expect(checkImport(rows, mapping, header.fields, context).refused.map(describeRefusal)).toEqual([
      'Row 2: Reference: rows 2, 3 give the reference "R" to different payments: correct the file',
      'Row 3: Reference: rows 2, 3 give the reference "R" to different payments: correct the file',
    ]);
  });

  it("takes a reference of spaces in Payments for none", () => {
    const spaces = existing.map((payment) => (payment.reference === "" ? { ...payment, reference: "   " } : payment));
    const result = check(
      ["Payment date,Person ID,Amount,Kind,Reference", "28/04/2026,P002,684.00,Invoice,INV-1"].join("\n"),
      { ...context, existing: spaces },
    );
    expect(result.toAdd).toEqual([]);
    expect(result.duplicates).toEqual([
      {
        row: 2,
        reason: "already in Payments (a payment of the same date, person, amount and kind, without a reference)",
      },
    ]);
  });

  // A generated export: rows of a few people, kinds and amounts, some with references, repeats among them.
  const row = fc.record({
    day: fc.integer({ min: 0, max: 5 }),
    person: fc.constantFrom("P001", "P002", "P003"),
    pence: fc.integer({ min: 1, max: 3 }),
    kind: fc.constantFrom("Direct payment", "Invoice", "Refund"),
    reference: fc.option(fc.constantFrom("R1", "R2", "R3", "R4"), { nil: "" }),
  });
  const csvOf = (rows: { day: number; person: string; pence: number; kind: string; reference: string }[]) =>
    [
      "Payment date,Person ID,Amount,Kind,Reference",
      ...rows.map(
        (r) =>
          `2026-05-0${r.day + 1},${r.person},${r.kind === "Refund" ? "-" : ""}${r.pence}.00,${r.kind},${r.reference}`,
      ),
    ].join("\n");
  const asExisting = (payments: readonly PaymentRecord[]) => payments.map(({ ...payment }) => payment);
  const total = (payments: readonly PaymentRecord[]) =>
    payments.reduce((sum, payment) => sum.plus(payment.amount), new Decimal(0)).toString();

  it("adds nothing when the same file is imported again (property)", () => {
    fc.assert(
      fc.property(fc.array(row, { maxLength: 20 }), (rows) => {
        const first = check(csvOf(rows), { ...context, existing: [] });
        const again = check(csvOf(rows), { ...context, existing: asExisting(first.toAdd) });
        expect(again.toAdd).toEqual([]);
        expect(again.refused.map((refusal) => refusal.row)).toEqual(first.refused.map((refusal) => refusal.row));
      }),
    );
  });

  it("adds the same total whatever the order of the file's rows (property)", () => {
    fc.assert(
      fc.property(
        fc
          .array(row, { maxLength: 20 })
          .chain((rows) => fc.tuple(fc.constant(rows), fc.shuffledSubarray(rows, { minLength: rows.length }))),
        ([rows, shuffled]) => {
          const a = check(csvOf(rows), { ...context, existing: [] });
          const b = check(csvOf(shuffled), { ...context, existing: [] });
          expect(total(b.toAdd)).toBe(total(a.toAdd));
          expect(b.toAdd.length).toBe(a.toAdd.length);
          expect(b.refused.length).toBe(a.refused.length);
        },
      ),
    );
  });

  it("adds nothing twice when an export overlaps the last one (property)", () => {
    fc.assert(
      fc.property(fc.array(row, { maxLength: 20 }), fc.nat(20), fc.nat(20), (rows, cut, overlap) => {
        const split = Math.min(cut, rows.length);
        const first = check(csvOf(rows.slice(0, split)), { ...context, existing: [] });
        const later = rows.slice(Math.max(0, split - overlap));
        const second = check(csvOf(later), { ...context, existing: asExisting(first.toAdd) });
        const added = [...first.toAdd, ...second.toAdd];
        // No reference twice, and no payment without one twice (same date, person, amount and kind)…
        const references = added.filter((payment) => payment.reference !== "").map((payment) => payment.reference);
        expect(new Set(references).size).toBe(references.length);
        const unreferenced = added.filter((payment) => payment.reference === "").map(paymentKey);
        expect(new Set(unreferenced).size).toBe(unreferenced.length);
        // …and the whole export, imported after both, finds nothing left to add.
        expect(check(csvOf(rows), { ...context, existing: asExisting(added) }).toAdd).toEqual([]);
      }),
    );
  });
});
