// The workbook's weeks in a year (issue 26 §4): one number in PlanSettings' Weeks in a year column, changed only
// with who and why (recorded in PlanSettingsHistory), and used by every weekly↔annual figure the pane works out and
// writes: the indicative budget a week, a plan's lines a year, its cost a week.
import { Decimal, SupportPlanLine } from "../../src/engine";
import { MemoryWorkbook } from "../../src/workbook/memory/memoryWorkbook";
import { formulaEngine } from "../../src/workbook/memory/formulaEngine";
import { NewTable } from "../../src/workbook/port";
import {
  assess,
  readPlanBook,
  readSettingChanges,
  readWorkbookWeeks,
  savePlan,
  saveWeeksInYear,
  weeksOf,
} from "../../src/workbook/planBook";
import { setUpWorkbook } from "../../src/workbook/starter";

const AT = new Date(2026, 10, 24, 14, 5);
const note = { changedBy: "Pat Lee", reason: "Finance's convention: 50 weeks (cabinet 12/2026)" };

async function starter() {
  const workbook = new MemoryWorkbook({ formulas: formulaEngine });
  await setUpWorkbook(workbook);
  return workbook;
}

const assistant: SupportPlanLine = {
  service: "Personal assistant",
  quantity: new Decimal(10),
  unit: "hour",
  unitCost: new Decimal("19.55"),
  frequency: "week",
  managedAs: "Direct payment",
};

async function records(workbook: MemoryWorkbook, table: string) {
  const data = (await workbook.readTable(table))!;
  return data.rows.map((row) => Object.fromEntries(data.headers.map((header, column) => [header, row[column]])));
}

describe("the workbook's weeks in a year", () => {
  it("is 52 in a set-up workbook, in PlanSettings' first row", async () => {
    const workbook = await starter();
    expect(await readWorkbookWeeks(workbook)).toEqual({
      weeksInYear: new Decimal(52),
      problem: null,
      typed: "52",
      set: true,
    });
  });

  it("saved as 50: recorded with who, when, from, to and why; then every figure the pane writes follows", async () => {
    const workbook = await starter();
    const change = await saveWeeksInYear(workbook, new Decimal(50), note, "2026-11-24T14:05");
    expect(change).toEqual({
      setting: "Weeks in a year",
      from: "52 weeks",
      to: "50 weeks",
      changedBy: "Pat Lee",
      changedAt: "2026-11-24T14:05",
      reason: note.reason,
    });
    // PlanSettings[Value] is untouched: still the two limits PB.PLAN_TOLERANCE takes.
    expect((await workbook.readTable("PlanSettings"))!.rows).toEqual([
      ["Green tolerance", 0.1, 50],
      ["Amber tolerance", 0.5, null],
    ]);
    expect((await readSettingChanges(workbook)).changes).toEqual([change]);

    const book = await readPlanBook(workbook);
    expect(book.weeks.weeksInYear?.toString()).toBe("50");
    // Arthur Khan's £10,640 a year ÷ 50 = £212.80 a week (÷ 52 it was £204.62).
    const arthur = book.people.find((person) => person.id === "P002")!;
    const assessment = assess(book, arthur);
    if ("problem" in assessment) throw new Error(assessment.problem);
    expect(assessment.weekly?.toString()).toBe("212.8");
    // 10 hours of a personal assistant at £19.55 a week: £195.50 × 50 = £9,775 a year, £195.50 a week.
    const saved = await savePlan(
      workbook,
      book,
      {
        planId: null,
        personId: "P002",
        lines: [assistant],
        status: "Draft",
        reason: "",
        signedOffBy: "",
        startDate: null,
        endDate: null,
        reviewDate: null,
        updatedBy: "Sam Reid",
      },
      AT,
    );
    expect([saved.figures.annual.toString(), saved.figures.weekly.toString()]).toEqual(["9775", "195.5"]);
    const [plan] = await records(workbook, "Plans");
    expect([plan["Plan cost (annual)"], plan["Plan cost (weekly)"], plan["Direct payment (annual)"]]).toEqual([
      9775, 195.5, 9775,
    ]);
    const [line] = await records(workbook, "PlanLines");
    expect(line["Annual cost"]).toBe(9775);
  });

  it("52.143 is kept exactly, and a second change is recorded from it", async () => {
    const workbook = await starter();
    await saveWeeksInYear(workbook, new Decimal("52.143"), note, "2026-11-24T14:05");
    expect((await readWorkbookWeeks(workbook)).typed).toBe("52.143");
    await saveWeeksInYear(workbook, new Decimal(52), { ...note, reason: "Back to 52" }, "2026-12-01T09:00");
    expect((await readSettingChanges(workbook)).changes.map((change) => [change.from, change.to])).toEqual([
      ["52 weeks", "52.143 weeks"],
      ["52.143 weeks", "52 weeks"],
    ]);
  });

  it("refuses 49, 54, no who or why, or no change, writing nothing", async () => {
    const workbook = await starter();
    const before = JSON.stringify(workbook.allTables());
    await expect(saveWeeksInYear(workbook, new Decimal(49), note, "2026-11-24T14:05")).rejects.toThrow(
      "The weeks in a year were not saved: expected a number from 50 to 53",
    );
    await expect(saveWeeksInYear(workbook, new Decimal("53.5"), note, "2026-11-24T14:05")).rejects.toThrow(
      "expected a number from 50 to 53",
    );
    await expect(
      saveWeeksInYear(workbook, new Decimal(50), { changedBy: "", reason: " " }, "2026-11-24T14:05"),
    ).rejects.toThrow(
      "The weeks in a year were not saved: Enter your name: a change of policy records who made it. Say why the " +
        "weeks in a year change (the decision or paper it follows): it is recorded with it.",
    );
    await expect(saveWeeksInYear(workbook, new Decimal(52), note, "2026-11-24T14:05")).rejects.toThrow(
      "The weeks in a year are already 52 weeks: nothing was changed.",
    );
    expect(JSON.stringify(workbook.allTables())).toBe(before);
  });

  it("an older PlanSettings without the column is 52, and gains it when the weeks are first saved", async () => {
    const workbook = new MemoryWorkbook({ formulas: formulaEngine });
    const older: NewTable = {
      sheet: "Plan settings",
      name: "PlanSettings",
      columns: ["Setting", "Value", "Notes"].map((header) => ({ header, numberFormat: "General" })),
      rows: [
        ["Green tolerance", 0.1, "agreed 2019"],
        ["Amber tolerance", 0.5, "agreed 2019"],
      ],
    };
    await workbook.addTables([older]);
    await setUpWorkbook(workbook);
    expect(await readWorkbookWeeks(workbook)).toEqual({
      weeksInYear: new Decimal(52),
      problem: null,
      typed: "52",
      set: false,
    });
    expect((await readPlanBook(workbook)).weeks.weeksInYear?.toString()).toBe("52");
    const change = await saveWeeksInYear(workbook, new Decimal(52), note, "2026-11-24T14:05");
    expect([change.from, change.to]).toEqual(["52 weeks (not set)", "52 weeks"]);
    expect(await records(workbook, "PlanSettings")).toEqual([
      { Setting: "Green tolerance", Value: 0.1, Notes: "agreed 2019", "Weeks in a year": 52 },
      { Setting: "Amber tolerance", Value: 0.5, Notes: "agreed 2019", "Weeks in a year": null },
    ]);
  });

  it("a figure out of range, text or two different figures: no plan is costed or saved until it is fixed", async () => {
    const table = (cells: unknown[]) => ({
      name: "PlanSettings",
      sheet: "Plan settings",
      headers: ["Setting", "Value", "Weeks in a year"],
      rows: cells.map((cell, at) => [`Setting ${at + 1}`, 0.1, cell as number]),
    });
    const cannot = "The PlanSettings table's Weeks in a year cannot be used:";
    const fix =
      " A policy officer sets it in the Settings tab; until then plans are not costed and cannot be saved, and " +
      "the Finance sheet's contributions show #N/A.";
    expect(weeksOf(table([49, null]))).toEqual({
      weeksInYear: null,
      problem: `${cannot} row 1: expected a number from 50 to 53; got 49.${fix}`,
      typed: "49",
      set: true,
    });
    expect(weeksOf(table(["fifty"])).problem).toBe(
      `${cannot} row 1: expected a number from 50 to 53; got "fifty".${fix}`,
    );
    expect(weeksOf(table([52, 50])).problem).toBe(
      `${cannot} it holds 52 in row 1, 50 in row 2; keep one number.${fix}`,
    );
    // The same figure twice is one figure; text is not a number, as the Finance sheet's COUNT sees it; blank is 52.
    expect(weeksOf(table([50, 50])).weeksInYear?.toString()).toBe("50");
    expect(weeksOf(table([50, "50"])).problem).toBe(
      `${cannot} row 2: expected a number from 50 to 53; got "50".${fix}`,
    );
    expect(weeksOf(table([null, ""])).weeksInYear?.toString()).toBe("52");

    const workbook = await starter();
    await workbook.editTables([
      {
        table: "PlanSettings",
        columns: [{ header: "Weeks in a year", numberFormat: "General" }],
        update: [{ row: 0, key: { header: "Setting", value: "Green tolerance" }, values: [54] }],
      },
    ]);
    const book = await readPlanBook(workbook);
    expect(book.weeks.weeksInYear).toBeNull();
    const arthur = assess(
      book,
      book.people.find((person) => person.id === "P002")!,
    );
    expect("problem" in arthur ? null : arthur.weekly).toBeNull();
    await expect(
      savePlan(
        workbook,
        book,
        {
          planId: null,
          personId: "P002",
          lines: [assistant],
          status: "Draft",
          reason: "",
          signedOffBy: "",
          startDate: null,
          endDate: null,
          reviewDate: null,
          updatedBy: "Sam Reid",
        },
        AT,
      ),
    ).rejects.toThrow(
      "The PlanSettings table's Weeks in a year cannot be used: row 1: expected a number from 50 to 53; got 54.",
    );
  });
});
