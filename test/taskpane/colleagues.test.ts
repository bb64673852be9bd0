// Two team managers' panes over one workbook (issue 23 §2), without a browser: what each says when the other saves,
// before its own save would go over it, and what reading again and saving as well do.
import { MemoryWorkbook } from "../../src/workbook/memory/memoryWorkbook";
import { formulaEngine } from "../../src/workbook/memory/formulaEngine";
import { Workbook } from "../../src/workbook/port";
import { setUpWorkbook } from "../../src/workbook/starter";
import { addService, Pane, pane } from "../support/panes";

const AT = new Date(2026, 10, 24, 14, 5);

async function twoPanes() {
  const workbook = new MemoryWorkbook({ formulas: formulaEngine });
  await setUpWorkbook(workbook);
  const sam = pane(workbook, "Sam Reid", () => AT);
  const priya = pane(workbook, "Priya Shah", () => AT);
  await sam.controller.load();
  await priya.controller.load();
  return { workbook, sam, priya };
}

const services = (target: Pane) => target.state.plan!.lines.map((line) => line.service);

/** A new plan for the person with these services, saved. */
async function savedPlanAs(target: Pane, personId: string, ...lines: string[]) {
  target.dispatch({ type: "personPicked", personId, discard: false });
  lines.forEach((service) => addService(target, service));
  await target.controller.save(target.state);
}

async function savedPlan(target: Pane, personId: string, ...lines: string[]) {
  await savedPlanAs(target, personId, ...lines);
  expect(target.state.saveMessage?.intent).toBe("success");
}

describe("a colleague saves the plan this pane has open", () => {
  async function bothOpen() {
    const panes = await twoPanes();
    await savedPlan(panes.sam, "P001", "Meals");
    for (const open of [panes.sam, panes.priya]) {
      await open.controller.request(open.state, { kind: "openPlan", planId: "PLAN-0001" });
    }
    return panes;
  }

  it("the pane says so when told of the change, before anything is saved over it", async () => {
    const { sam, priya } = await bothOpen();
    addService(sam, "Respite in a care home");
    await sam.controller.save(sam.state);
    // Priya reads Sam's save, adds a line and saves.
    await priya.controller.request(priya.state, { kind: "openPlan", planId: "PLAN-0001" });
    addService(priya, "Day centre");
    await priya.controller.save(priya.state);
    expect(sam.state.saveMessage?.intent).toBe("success");
    await sam.controller.colleagueChanged(sam.state);
    // The last save's success goes: it no longer says what the workbook holds.
    expect(sam.state.saveMessage).toBeNull();
    expect(sam.state.colleague).toEqual({
      notice: {
        intent: "warning",
        title: "A colleague changed this plan",
        text:
          "Since you opened or last saved PLAN-0001, Priya Shah saved it at 14:05 on 24 Nov 2026 (it had 2 " +
          "lines then and has 3 lines now). Read it again before saving: a save now would be refused, so that their " +
          "work is not overwritten.",
      },
      about: "plan",
      newPlans: [],
      refusedSave: false,
    });
  });

  it("a save over it is refused beside Save, the plan kept as typed; reading again shows theirs", async () => {
    const { workbook, sam, priya } = await bothOpen();
    addService(priya, "Day centre");
    await priya.controller.save(priya.state);
    addService(sam, "Respite in a care home");
    const typed = sam.state.plan;
    const before = JSON.stringify(workbook.allTables());
    await sam.controller.save(sam.state);
    expect(sam.state.colleague).toMatchObject({
      about: "plan",
      notice: { intent: "warning", title: "Not saved: a colleague saved first" },
    });
    expect(sam.state.colleague?.notice.text).toContain("Priya Shah saved it at 14:05 on 24 Nov 2026");
    expect(sam.state.plan).toBe(typed);
    expect(sam.state.busy).toBeNull();
    expect(JSON.stringify(workbook.allTables())).toBe(before);
    // Reading again asks before dropping the unsaved line, then opens the plan as Priya saved it.
    await sam.controller.request(sam.state, { kind: "refresh" });
    await sam.controller.discard(sam.state);
    expect(services(sam)).toEqual(["Meals", "Day centre"]);
    expect(sam.state.colleague).toBeNull();
    addService(sam, "Respite in a care home");
    await sam.controller.save(sam.state);
    expect(sam.state.saveMessage?.intent).toBe("success");
  });

  it("its own saves are not a colleague's: saving twice, then told of the change, says nothing", async () => {
    const { sam } = await bothOpen();
    addService(sam, "Day centre");
    await sam.controller.save(sam.state);
    addService(sam, "Respite in a care home");
    await sam.controller.save(sam.state);
    expect(sam.state.saveMessage?.intent).toBe("success");
    await sam.controller.colleagueChanged(sam.state);
    expect(sam.state.colleague).toBeNull();
  });
});

describe("a colleague saves a plan for the person this pane is planning for", () => {
  it("is said; the save is refused, and can be made as well, beside theirs", async () => {
    const { sam, priya } = await twoPanes();
    sam.dispatch({ type: "personPicked", personId: "P002", discard: false });
    addService(sam, "Meals");
    await savedPlan(priya, "P002", "Day centre");
    await sam.controller.colleagueChanged(sam.state);
    expect(sam.state.colleague).toMatchObject({
      about: "person",
      newPlans: ["PLAN-0001"],
      notice: {
        title: "A colleague is planning for this person too",
        text:
          "Since the pane read the workbook, Priya Shah saved plan PLAN-0001 for Arthur Khan. Read again to " +
          "see it, or save this plan as well.",
      },
    });
    await sam.controller.save(sam.state);
    expect(sam.state.colleague).toMatchObject({ about: "person", newPlans: ["PLAN-0001"] });
    expect(sam.state.plan?.planId).toBeNull();
    await sam.controller.save(sam.state, [], sam.state.colleague!.newPlans);
    expect(sam.state.plan?.planId).toBe("PLAN-0002");
    expect(sam.state.colleague).toBeNull();
  });

  it("told again of another colleague's plan as it saves as well, saves beside both once asked again", async () => {
    const { workbook, sam, priya } = await twoPanes();
    sam.dispatch({ type: "personPicked", personId: "P002", discard: false });
    addService(sam, "Meals");
    await savedPlan(priya, "P002", "Day centre");
    await sam.controller.save(sam.state);
    expect(sam.state.colleague?.newPlans).toEqual(["PLAN-0001"]);
    // Ann, reading the workbook with Priya's plan in it, saves another for Arthur Khan.
    const ann = pane(workbook, "Ann Lee", () => AT);
    await ann.controller.load();
    await savedPlan(ann, "P002", "Respite in a care home");
    await sam.controller.save(sam.state, [], sam.state.colleague!.newPlans);
    expect(sam.state.colleague).toMatchObject({ about: "person", newPlans: ["PLAN-0001", "PLAN-0002"] });
    expect(sam.state.colleague?.notice.text).toContain("Ann Lee saved plan PLAN-0002 for Arthur Khan");
    // Once more: beside both, not refused again for the first.
    await sam.controller.save(sam.state, [], sam.state.colleague!.newPlans);
    expect(sam.state.plan?.planId).toBe("PLAN-0003");
  });

  it("reading again keeps the new plan, and shows theirs as the person's saved plan", async () => {
    const { sam, priya } = await twoPanes();
    sam.dispatch({ type: "personPicked", personId: "P002", discard: false });
    addService(sam, "Meals");
    await savedPlan(priya, "P002", "Day centre");
    await sam.controller.save(sam.state);
    await sam.controller.readAgain(sam.state);
    expect(services(sam)).toEqual(["Meals"]);
    expect(sam.state.book?.plans.map((plan) => plan.planId)).toEqual(["PLAN-0001"]);
    expect(sam.state.colleague).toBeNull();
    await sam.controller.save(sam.state);
    expect(sam.state.plan?.planId).toBe("PLAN-0002");
  });
});

describe("colleagues save other plans", () => {
  it("is said as information, naming who saved which plan for whom", async () => {
    const { sam, priya } = await twoPanes();
    sam.dispatch({ type: "personPicked", personId: "P002", discard: false });
    await savedPlan(priya, "P003", "Meals");
    await savedPlan(priya, "P004", "Day centre");
    await sam.controller.colleagueChanged(sam.state);
    expect(sam.state.colleague).toEqual({
      notice: {
        intent: "info",
        title: "Colleagues saved plans",
        text:
          "Since the pane read the workbook, Priya Shah saved PLAN-0001 (Joan Whitfield), PLAN-0002 (Samuel " +
          "Osei). Read again to see them; your work here is kept.",
      },
      about: "workbook",
      newPlans: [],
      refusedSave: false,
    });
  });
});

describe("a colleague's save of the same moment merged in after this pane's", () => {
  it("the saved plan says which ID it had to leave, as a warning beside the Save button", async () => {
    const { workbook } = await twoPanes();
    let merged = false;
    // Excel merges Priya's PLAN-0001 for Joan Whitfield once Sam's save had claimed the same ID and written it.
    const late: Workbook = {
      names: () => workbook.names(),
      readTable: (name, read) => workbook.readTable(name, read),
      readCells: (sheet, range) => workbook.readCells(sheet, range),
      addTables: (tables) => workbook.addTables(tables),
      addSheet: (sheet) => workbook.addSheet(sheet),
      editTables: async (edits) => {
        await workbook.editTables(edits);
        if (merged) return;
        merged = true;
        const id = { header: "Plan ID", numberFormat: "@" };
        const person = { header: "Person ID", numberFormat: "@" };
        await workbook.editTables([{ table: "Plans", columns: [id, person], append: [["PLAN-0001", "P003"]] }]);
      },
    };
    const samLate = pane(late, "Sam Reid", () => AT);
    await samLate.controller.load();
    await savedPlanAs(samLate, "P002", "Meals");
    expect(samLate.state.plan?.planId).toBe("PLAN-0002");
    expect(samLate.state.saveMessage).toMatchObject({
      intent: "warning",
      title: "Saved plan PLAN-0002 to the Plans and PlanLines tables.",
    });
    expect(samLate.state.saveMessage?.text).toContain(
      "Someone else saved PLAN-0001 at the same moment, so this plan was given the next free ID, PLAN-0002, in its " +
        "Plans row and its lines.",
    );
  });
});
