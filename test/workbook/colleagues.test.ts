// Saving when colleagues save too (issue 23 §2), through the plan book over the in-memory workbook: a new plan's ID
// claimed as it is written, nothing another person wrote since the pane read it saved over, and a plan renumbered
// when a co-author's save of the same moment arrives with its ID after all.
import { Decimal, SupportPlanLine } from "../../src/engine";
import { formulaEngine } from "../../src/workbook/memory/formulaEngine";
import { MemoryWorkbook } from "../../src/workbook/memory/memoryWorkbook";
import { ChangedSinceRead } from "../../src/workbook/plans/colleagues";
import {
  appendHistory,
  openPlan,
  PlanBook,
  PlanHistoryRow,
  PlanToSave,
  readPlanBook,
  readPlanHistory,
  savePlan,
  savePlanRecorded,
} from "../../src/workbook/planBook";
import { Workbook } from "../../src/workbook/port";
import { PLAN_LINES, PLANS } from "../../src/workbook/schema/tables";
import { setUpWorkbook } from "../../src/workbook/starter";

const AT = new Date(2026, 10, 24, 14, 5);
const LATER = new Date(2026, 10, 24, 14, 9);

async function starterBook(): Promise<{ workbook: MemoryWorkbook; book: PlanBook }> {
  const workbook = new MemoryWorkbook({ formulas: formulaEngine });
  await setUpWorkbook(workbook);
  return { workbook, book: await readPlanBook(workbook) };
}

const assistant = (hours: string): SupportPlanLine => ({
  service: "Personal assistant",
  quantity: new Decimal(hours),
  unit: "hour",
  unitCost: new Decimal("19.55"),
  frequency: "week",
  managedAs: "Direct payment",
});
const meals: SupportPlanLine = {
  service: "Meals",
  quantity: new Decimal(7),
  unit: "meal",
  unitCost: new Decimal("4.6"),
  frequency: "week",
  managedAs: "Council-managed",
};

const draft = (personId: string, lines: PlanToSave["lines"], change: Partial<PlanToSave> = {}): PlanToSave => ({
  planId: null,
  personId,
  lines,
  status: "Draft",
  reason: "",
  signedOffBy: "",
  startDate: null,
  endDate: null,
  reviewDate: null,
  updatedBy: "Sam Reid",
  ...change,
});

/** The workbook as one save sees it, with a colleague's work landing just before this save's first write. */
function colleagueBeforeWrite(workbook: Workbook, colleague: () => Promise<unknown>): Workbook {
  let done = false;
  return {
    names: () => workbook.names(),
    readTable: (name, read) => workbook.readTable(name, read),
    readCells: (sheet, range) => workbook.readCells(sheet, range),
    addTables: (tables) => workbook.addTables(tables),
    addSheet: (sheet) => workbook.addSheet(sheet),
    editTables: async (edits) => {
      if (!done) {
        done = true;
        await colleague();
      }
      return workbook.editTables(edits);
    },
  };
}

/** Each plan's ID, person and lines' services, as the tables hold them. */
function plansHeld(workbook: MemoryWorkbook) {
  const [plans, lines] = [PLANS.name, PLAN_LINES.name].map((name) =>
    workbook.allTables().find((t) => t.name === name)!,
  );
  const at = (table: typeof plans, header: string) => table.headers.indexOf(header);
  return plans.rows.map((row) => ({
    planId: row[at(plans, "Plan ID")],
    personId: row[at(plans, "Person ID")],
    lines: lines.rows
      .filter((line) => line[at(lines, "Plan ID")] === row[at(plans, "Plan ID")])
      .map((line) => line[at(lines, "Service")]),
  }));
}

describe("two saves of new plans at the same moment", () => {
  it("never share an ID: the second claims the next when the first took it between its read and write", async () => {
    const { workbook, book } = await starterBook();
    // The colleague's pane read the same workbook, and saves first, while this save has read but not yet written.
    const colleague = () => savePlan(workbook, book, draft("P003", [meals], { updatedBy: "Priya Shah" }), AT);
    const saved = await savePlan(colleagueBeforeWrite(workbook, colleague), book, draft("P002", [assistant("10")]), AT);
    // Claimed when written, not found twice and renumbered after.
    expect(saved.planId).toBe("PLAN-0002");
    expect(saved.renumberedFrom).toBeUndefined();
    expect(plansHeld(workbook)).toEqual([
      { planId: "PLAN-0001", personId: "P003", lines: ["Meals"] },
      { planId: "PLAN-0002", personId: "P002", lines: ["Personal assistant"] },
    ]);
  });

  it("never reuse an ID that only a line left by a failed save holds", async () => {
    const { workbook, book } = await starterBook();
    await workbook.editTables([
      { table: "PlanLines", columns: [{ header: "Plan ID", numberFormat: "@" }], append: [["PLAN-0007"]] },
    ]);
    expect((await savePlan(workbook, book, draft("P002", [assistant("10")]), AT)).planId).toBe("PLAN-0008");
  });
});

describe("a save never overwrites what another person wrote since the pane read it", () => {
  async function openedByBoth() {
    const { workbook, book } = await starterBook();
    await savePlan(workbook, book, draft("P002", [assistant("10"), meals]), AT);
    return {
      workbook,
      book,
      mine: await openPlan(workbook, "PLAN-0001"),
      theirs: await openPlan(workbook, "PLAN-0001"),
    };
  }
  const edited = (
    opened: Awaited<ReturnType<typeof openPlan>>,
    lines: PlanToSave["lines"],
    by: string,
  ): PlanToSave => ({
    ...draft(opened.personId, lines, { planId: opened.planId, updatedBy: by }),
  });

  it("refuses a save over a plan a colleague saved since it was opened, naming who and when", async () => {
    const { workbook, book, mine, theirs } = await openedByBoth();
    await savePlan(workbook, book, edited(theirs, [assistant("10"), meals, assistant("2")], "Priya Shah"), AT, {
      seen: theirs.seen,
    });
    const before = JSON.stringify(workbook.allTables());
    const refused = savePlan(workbook, book, edited(mine, [assistant("12"), meals], "Sam Reid"), LATER, {
      seen: mine.seen,
    });
    await expect(refused).rejects.toThrow(
      new ChangedSinceRead(
        "Plan PLAN-0001 was changed since you opened or last saved it: Priya Shah saved it at 14:05 on 24 Nov 2026 " +
          "(it had 2 lines then and has 3 lines now). Nothing was saved, so that work is kept. Read the plan again " +
          "to see it, then make your changes again.",
        [],
      ),
    );
    expect(JSON.stringify(workbook.allTables())).toBe(before);
  });

  it("refuses when a line was typed into PlanLines for the plan since it was opened", async () => {
    const { workbook, book, mine } = await openedByBoth();
    await workbook.editTables([
      {
        table: "PlanLines",
        columns: [
          { header: "Plan ID", numberFormat: "@" },
          { header: "Service", numberFormat: "@" },
        ],
        append: [["PLAN-0001", "Day centre"]],
      },
    ]);
    await expect(
      savePlan(workbook, book, edited(mine, [assistant("12"), meals], "Sam Reid"), LATER, { seen: mine.seen }),
    ).rejects.toThrow(
      "Plan PLAN-0001 was changed since you opened or last saved it: in the PlanLines table, it had 2 lines then " +
        "and has 3 lines now.",
    );
    expect(plansHeld(workbook)[0].lines).toEqual(["Personal assistant", "Meals", "Day centre"]);
  });

  it("refuses a colleague's save landing between its read and its write, though the pane said nothing", async () => {
    const { workbook, book, mine, theirs } = await openedByBoth();
    const colleague = () => savePlan(workbook, book, edited(theirs, [meals], "Priya Shah"), AT, { seen: theirs.seen });
    const between = colleagueBeforeWrite(workbook, colleague);
    await expect(savePlan(between, book, edited(mine, [assistant("12"), meals], "Sam Reid"), LATER)).rejects.toThrow(
      "Plan PLAN-0001 was changed since you opened or last saved it: Priya Shah saved it at 14:05 on 24 Nov 2026 " +
        "(it had 2 lines then and has 1 line now).",
    );
    expect(plansHeld(workbook)[0].lines).toEqual(["Meals"]);
  });

  it("saves again over its own save: the rows read back after a save are what the next one expects", async () => {
    const { workbook, book, mine } = await openedByBoth();
    const first = await savePlan(workbook, book, edited(mine, [assistant("12"), meals], "Sam Reid"), AT, {
      seen: mine.seen,
    });
    const again = await savePlan(workbook, book, edited(mine, [assistant("14")], "Sam Reid"), LATER, {
      seen: first.seen,
    });
    expect(again.planId).toBe("PLAN-0001");
    expect(plansHeld(workbook)).toEqual([{ planId: "PLAN-0001", personId: "P002", lines: ["Personal assistant"] }]);
  });

  it("a colleague's save over its own, before it read its rows back, stops its next save", async () => {
    const { workbook, book, mine } = await openedByBoth();
    let done = false;
    // Priya opens Sam's save as soon as it is written, and saves hers over it before Sam's save reads its rows back.
    const priyaNext: Workbook = {
      ...colleagueBeforeWrite(workbook, () => Promise.resolve()),
      editTables: async (edits) => {
        await workbook.editTables(edits);
        if (done) return;
        done = true;
        const theirs = await openPlan(workbook, "PLAN-0001");
        await savePlan(workbook, book, edited(theirs, [meals], "Priya Shah"), LATER, { seen: theirs.seen });
      },
    };
    const first = await savePlan(priyaNext, book, edited(mine, [assistant("12"), meals], "Sam Reid"), AT, {
      seen: mine.seen,
    });
    expect(first.seen?.changedAfterSave).toBe(true);
    await expect(
      savePlan(workbook, book, edited(mine, [assistant("14"), meals], "Sam Reid"), LATER, { seen: first.seen }),
    ).rejects.toThrow(
      "Plan PLAN-0001 was changed since you opened or last saved it: Priya Shah saved it at 14:09 on 24 Nov 2026 " +
        "just after your last save.",
    );
    expect(plansHeld(workbook)[0].lines).toEqual(["Meals"]);
  });

  it("asks before a new plan for a person a colleague saved a plan for since the pane read the workbook", async () => {
    const { workbook, book } = await starterBook();
    const known = book.plans.filter((plan) => plan.personId === "P002").map((plan) => plan.planId);
    await savePlan(workbook, book, draft("P002", [meals], { updatedBy: "Priya Shah" }), AT);
    const mine = draft("P002", [assistant("10")]);
    const refused = savePlan(workbook, book, mine, LATER, { knownPlans: known });
    await expect(refused).rejects.toThrow(
      "Since the pane read the workbook, Priya Shah saved plan PLAN-0001 for Arthur Khan. Nothing was saved. Read " +
        "the workbook again to see it, or save this plan as well.",
    );
    await expect(refused).rejects.toMatchObject({ newPlans: ["PLAN-0001"] });
    // Saving it as well, knowing of that plan.
    const saved = await savePlan(workbook, book, mine, LATER, { knownPlans: [...known, "PLAN-0001"] });
    expect(saved.planId).toBe("PLAN-0002");
  });
});

describe("a co-author's save of the same ID arriving after this save's claim", () => {
  /** Runs a colleague's change straight after this save's write, as Excel merging their save late would. */
  function mergedLate(workbook: MemoryWorkbook, merged: () => Promise<void>): Workbook {
    let done = false;
    return {
      ...colleagueBeforeWrite(workbook, () => Promise.resolve()),
      editTables: async (edits) => {
        await workbook.editTables(edits);
        if (!done) {
          done = true;
          await merged();
        }
      },
    };
  }
  const theirRows = (personId: string, service: string) => ({
    lines: {
      table: "PlanLines",
      columns: [
        { header: "Plan ID", numberFormat: "@" },
        { header: "Line", numberFormat: "General" },
        { header: "Service", numberFormat: "@" },
      ],
      append: [["PLAN-0001", 1, service]],
    },
    plan: {
      table: "Plans",
      columns: [
        { header: "Plan ID", numberFormat: "@" },
        { header: "Person ID", numberFormat: "@" },
        { header: "Updated by", numberFormat: "@" },
      ],
      append: [["PLAN-0001", personId, "Priya Shah"]],
    },
  });

  it("renumbers its own rows to the next free ID and says which it first had; theirs are untouched", async () => {
    const { workbook, book } = await starterBook();
    const theirs = theirRows("P003", "Meals");
    const late = mergedLate(workbook, () => workbook.editTables([theirs.lines, theirs.plan]));
    const saved = await savePlan(late, book, draft("P002", [assistant("10"), meals]), AT);
    expect(saved).toMatchObject({ planId: "PLAN-0002", renumberedFrom: "PLAN-0001" });
    expect(plansHeld(workbook)).toEqual([
      { planId: "PLAN-0002", personId: "P002", lines: ["Personal assistant", "Meals"] },
      { planId: "PLAN-0001", personId: "P003", lines: ["Meals"] },
    ]);
    // What it read back is what the next save expects.
    const again = await savePlan(workbook, book, { ...draft("P002", [meals]), planId: "PLAN-0002" }, LATER, {
      seen: saved.seen,
    });
    expect(again.planId).toBe("PLAN-0002");
  });

  it("records a renumbered plan's save in PlanHistory under its new ID; theirs keeps the ID they saved", async () => {
    const { workbook, book } = await starterBook();
    const theirs = theirRows("P003", "Meals");
    const theirSave: PlanHistoryRow = {
      planId: "PLAN-0001",
      savedAt: "2026-11-24T14:05:00",
      savedBy: "Priya Shah",
      status: "Draft",
      annual: new Decimal("1674.4"),
      indicativeAnnual: new Decimal(0),
      light: "Green",
      greenTolerance: null,
      amberTolerance: null,
      reason: "",
      signedOffBy: "",
      signedOffOn: null,
      reviewDate: null,
      linesAdded: "Meals",
      linesRemoved: "",
      linesChanged: "",
    };
    // Their save of the same moment, with its history row, arrives just after this save's write.
    const late = mergedLate(workbook, async () => {
      await workbook.editTables([theirs.lines, theirs.plan]);
      await appendHistory(workbook, theirSave);
    });
    const saved = await savePlanRecorded(late, book, draft("P002", [assistant("10"), meals]), AT);
    expect(saved).toMatchObject({ planId: "PLAN-0002", renumberedFrom: "PLAN-0001" });
    expect((await readPlanHistory(workbook, "PLAN-0002")).rows).toEqual([
      expect.objectContaining({ planId: "PLAN-0002", savedBy: "Sam Reid", linesAdded: expect.any(String) }),
    ]);
    expect((await readPlanHistory(workbook, "PLAN-0001")).rows).toEqual([
      expect.objectContaining({ planId: "PLAN-0001", savedBy: "Priya Shah", linesAdded: "Meals" }),
    ]);
  });

  it("appends to a PlanHistory a colleague's save added just before this save's first history row", async () => {
    const { workbook, book } = await starterBook();
    const colleague = draft("P003", [meals], { updatedBy: "Priya Shah" });
    let done = false;
    const racing: Workbook = {
      ...colleagueBeforeWrite(workbook, () => Promise.resolve()),
      // Both saves found no PlanHistory; theirs adds it first.
      addTables: async (tables) => {
        if (!done) {
          done = true;
          await savePlanRecorded(workbook, book, colleague, AT);
        }
        return workbook.addTables(tables);
      },
    };
    const saved = await savePlanRecorded(racing, book, draft("P002", [assistant("10")]), AT);
    expect(saved.planId).toBe("PLAN-0001");
    expect((await readPlanHistory(workbook, "PLAN-0001")).rows).toEqual([
      expect.objectContaining({ planId: "PLAN-0001", savedBy: "Sam Reid" }),
    ]);
    expect((await readPlanHistory(workbook, "PLAN-0002")).rows).toEqual([
      expect.objectContaining({ planId: "PLAN-0002", savedBy: "Priya Shah" }),
    ]);
  });

  it("says so, renumbering nothing, when its own rows cannot be found as it wrote them", async () => {
    const { workbook, book } = await starterBook();
    const theirs = theirRows("P003", "Meals");
    // Their rows arrive, and their edit of the line this save wrote (its quantity) with them.
    const late = mergedLate(workbook, async () => {
      await workbook.editTables([theirs.lines, theirs.plan]);
      const quantity = { header: "Quantity", numberFormat: "General" };
      const line = { row: 0, key: { header: "Plan ID", value: "PLAN-0001" } };
      await workbook.editTables([{ table: "PlanLines", columns: [quantity], update: [{ ...line, values: [11] }] }]);
    });
    const saved = await savePlan(late, book, draft("P002", [assistant("10")]), AT);
    expect(saved.planId).toBe("PLAN-0001");
    expect(saved.renumberedFrom).toBeUndefined();
    expect(saved.warning).toBe(
      "Someone else saved plan PLAN-0001 at the same moment as you: the Plans table has 2 rows and the PlanLines " +
        "table 2 rows for it, and yours cannot be told from theirs. Give one of the plans a new Plan ID in its " +
        "Plans row and its PlanLines rows.",
    );
  });
});
