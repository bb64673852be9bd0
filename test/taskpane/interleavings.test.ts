// Two team managers' panes saving in one workbook at the same time (issue 23 §2): every order in which their reads
// and writes of the workbook can happen is run (test/support/interleavings.ts), and none gives two plans one ID,
// loses a plan, puts a line in the wrong plan, records a save in PlanHistory under another plan's ID (or not at all),
// or saves over what the other saved without having read it.
import fc from "fast-check";
import { formulaEngine } from "../../src/workbook/memory/formulaEngine";
import { MemoryWorkbook } from "../../src/workbook/memory/memoryWorkbook";
import { PlanBook, readPlanBook } from "../../src/workbook/planBook";
import { Workbook } from "../../src/workbook/port";
import { PLAN_HISTORY, PLAN_LINES, PLANS } from "../../src/workbook/schema/tables";
import { setUpWorkbook } from "../../src/workbook/starter";
import { everyInterleaving, Gates, Run } from "../support/interleavings";
import { addService, Pane, pane } from "../support/panes";

jest.setTimeout(300_000);

const AT = new Date(2026, 10, 24, 14, 5);

/** The plans the workbook holds: each with its person and its lines' services, in line order. */
function plansHeld(workbook: MemoryWorkbook): { planId: string; personId: string; services: string[] }[] {
  const table = (name: string) => workbook.allTables().find((candidate) => candidate.name === name)!;
  const [plans, lines] = [table(PLANS.name), table(PLAN_LINES.name)];
  const cell = (of: typeof plans, row: readonly unknown[], header: string) => row[of.headers.indexOf(header)];
  const ids = plans.rows.map((row) => String(cell(plans, row, "Plan ID")));
  const orphans = lines.rows.filter((row) => !ids.includes(String(cell(lines, row, "Plan ID"))));
  if (orphans.length > 0) throw new Error(`Lines of no plan: ${JSON.stringify(orphans)}`);
  if (new Set(ids).size !== ids.length) throw new Error(`A plan ID twice: ${ids.join(", ")}`);
  const stray = historyHeld(workbook).filter((row) => !ids.includes(row.planId));
  if (stray.length > 0) throw new Error(`PlanHistory rows of no plan: ${JSON.stringify(stray)}`);
  return plans.rows.map((row) => {
    const planId = String(cell(plans, row, "Plan ID"));
    const own = lines.rows
      .filter((line) => cell(lines, line, "Plan ID") === planId)
      .sort((a, b) => Number(cell(lines, a, "Line")) - Number(cell(lines, b, "Line")));
    // The plan's row was written with its lines: its cost is theirs (in pence, as the cells hold pounds and pence).
    const pence = (value: unknown) => Math.round(Number(value) * 100);
    const linesCost = own.reduce((sum, line) => sum + pence(cell(lines, line, "Annual cost")), 0);
    if (pence(cell(plans, row, "Plan cost (annual)")) !== linesCost) {
      throw new Error(`${planId}'s Plans row does not cost its lines: ${JSON.stringify([row, own])}`);
    }
    return {
      planId,
      personId: String(cell(plans, row, "Person ID")),
      services: own.map((line) => String(cell(lines, line, "Service"))),
    };
  });
}

/** The saves PlanHistory holds: each one's plan, who saved it and its cost a year in pence; none without the table. */
function historyHeld(workbook: MemoryWorkbook): { planId: string; savedBy: string; pence: number }[] {
  const history = workbook.allTables().find((candidate) => candidate.name === PLAN_HISTORY.name);
  if (!history) return [];
  const cell = (row: readonly unknown[], header: string) => row[history.headers.indexOf(header)];
  return history.rows.map((row) => ({
    planId: String(cell(row, "Plan ID")),
    savedBy: String(cell(row, "Saved by")),
    pence: Math.round(Number(cell(row, "Plan cost (annual)")) * 100),
  }));
}

/** The pane's last save is in PlanHistory under the ID its plan has now, as it saved it. */
function recorded(workbook: MemoryWorkbook, target: Pane) {
  const { saved, userName } = target.state;
  expect(historyHeld(workbook)).toContainEqual({
    planId: target.state.plan!.planId,
    savedBy: userName,
    pence: saved!.figures.annual.times(100).toNumber(),
  });
}

/** The book each run's panes start from: read once per set-up, as every run's workbook starts the same. */
const books = new Map<string, PlanBook>();

/**
 * A run: a workbook set up (with `before` done to it, ungated), and Sam's and Priya's panes over it (panes 0 and 1),
 * both having read it, each doing its script; then `check`, with the workbook and the panes.
 */
function twoPanes(
  name: string,
  scripts: (sam: Pane, priya: Pane) => [Promise<unknown>, Promise<unknown>],
  check: (workbook: MemoryWorkbook, sam: Pane, priya: Pane) => void,
  before: (workbook: MemoryWorkbook) => Promise<void> = () => Promise.resolve(),
  only?: readonly string[],
) {
  return async (gates: Gates): Promise<Run> => {
    const workbook = new MemoryWorkbook({ formulas: formulaEngine });
    await setUpWorkbook(workbook);
    await before(workbook);
    if (!books.has(name)) books.set(name, await readPlanBook(workbook));
    const [sam, priya] = ["Sam Reid", "Priya Shah"].map((user, at) => {
      const opened = pane(gates.gate(at, workbook, only), user, () => AT);
      opened.dispatch({ type: "loaded", book: books.get(name)!, message: null });
      return opened;
    });
    return { scripts: scripts(sam, priya), check: () => check(workbook, sam, priya) };
  };
}

/**
 * A new plan for the person, with these services, saved; saved as well each time colleagues are found to have saved
 * plans for them too (each pane can be told so at most once for each other pane).
 */
async function newPlan(target: Pane, personId: string, ...services: string[]) {
  target.dispatch({ type: "personPicked", personId, discard: false });
  services.forEach((service) => addService(target, service));
  await target.controller.save(target.state);
  for (let told = 0; target.state.colleague?.about === "person" && told < 2; told++) {
    await target.controller.save(target.state, [], target.state.colleague.newPlans);
  }
}

/** Opens a saved plan, adds a service and saves. */
async function addToPlan(target: Pane, planId: string, service: string) {
  await target.controller.request(target.state, { kind: "openPlan", planId });
  addService(target, service);
  await target.controller.save(target.state);
}

const saved = (target: Pane) => target.state.saveMessage?.intent === "success";

/** The plan a pane saved, as the workbook holds it. */
function heldAs(workbook: MemoryWorkbook, target: Pane) {
  expect(saved(target)).toBe(true);
  recorded(workbook, target);
  return plansHeld(workbook).find((plan) => plan.planId === target.state.plan!.planId);
}

/** A saved plan for Margaret Ellis (P001) of meals, there before the panes read the workbook. */
async function mealsForMargaret(workbook: MemoryWorkbook) {
  const setUp = pane(workbook, "Ann Lee", () => AT);
  await setUp.controller.load();
  await newPlan(setUp, "P001", "Meals");
}

describe("two panes saving in one workbook, in every order of their reads and writes", () => {
  /** Two new plans, for two people, saved at once; `outcome` is told each run's workbook and panes. */
  const twoNewPlans = (outcome: (workbook: MemoryWorkbook, sam: Pane, priya: Pane) => void, only?: string[]) =>
    twoPanes(
      "new plans",
      (sam, priya) => [newPlan(sam, "P002", "Meals", "Day centre"), newPlan(priya, "P003", "Respite in a care home")],
      outcome,
      undefined,
      only,
    );

  it("new plans for two people: two IDs, each plan with its own lines", async () => {
    await everyInterleaving(
      twoNewPlans((workbook, sam, priya) => {
        expect(plansHeld(workbook)).toHaveLength(2);
        expect(heldAs(workbook, sam)).toMatchObject({ personId: "P002", services: ["Meals", "Day centre"] });
        expect(heldAs(workbook, priya)).toMatchObject({ personId: "P003", services: ["Respite in a care home"] });
      }),
    );
  });

  it("runs fewer orders than all, yet reaches every outcome: two reads give the same either way", async () => {
    const outcomes = async (everyOrder: boolean) => {
      const found = new Set<string>();
      const runs = await everyInterleaving(
        twoNewPlans(
          (workbook, sam, priya) => {
            const said = [sam, priya].map((target) => [target.state.plan?.planId, target.state.saveMessage?.text]);
            found.add(JSON.stringify([plansHeld(workbook), said]));
          },
          // Only the plan tables' calls take turns: every order of each save's PlanHistory calls too is too many.
          [PLANS.name, PLAN_LINES.name],
        ),
        { everyOrder },
      );
      return { runs, found: [...found].sort() };
    };
    const [all, fewer] = [await outcomes(true), await outcomes(false)];
    expect(fewer.runs).toBeLessThan(all.runs / 2);
    // Which plan has which ID differs with the order; each order's outcome is reached.
    expect(fewer.found).toEqual(all.found);
    expect(all.found.length).toBeGreaterThan(1);
  });

  it("new plans for the same person: each saved (as well, once told of the other), under its own ID", async () => {
    await everyInterleaving(
      twoPanes(
        "same person",
        (sam, priya) => [newPlan(sam, "P002", "Meals"), newPlan(priya, "P002", "Day centre")],
        (workbook, sam, priya) => {
          expect(plansHeld(workbook)).toHaveLength(2);
          expect(heldAs(workbook, sam)).toMatchObject({ personId: "P002", services: ["Meals"] });
          expect(heldAs(workbook, priya)).toMatchObject({ personId: "P002", services: ["Day centre"] });
        },
      ),
    );
  });

  it("both changing one saved plan: never saved over unread; the one refused is told, its line kept out", async () => {
    await everyInterleaving(
      twoPanes(
        "one plan",
        (sam, priya) => [
          addToPlan(sam, "PLAN-0001", "Day centre"),
          addToPlan(priya, "PLAN-0001", "Respite in a care home"),
        ],
        (workbook, sam, priya) => {
          const [plan] = plansHeld(workbook);
          expect(plansHeld(workbook)).toHaveLength(1);
          const refused = [sam, priya].filter((target) => !saved(target));
          // At most one is refused, and only because the other saved first.
          expect(refused.length).toBeLessThanOrEqual(1);
          refused.forEach((target) => expect(target.state.colleague?.about).toBe("plan"));
          // Margaret's first save, then each save told as done, in PlanHistory; the one refused wrote nothing.
          [sam, priya].filter(saved).forEach((target) => recorded(workbook, target));
          expect(historyHeld(workbook)).toHaveLength(3 - refused.length);
          if (refused.length === 0) {
            // The later save read the earlier one: its lines are the earlier save's and its own.
            expect([
              ["Meals", "Day centre", "Respite in a care home"],
              ["Meals", "Respite in a care home", "Day centre"],
            ]).toContainEqual(plan.services);
          } else {
            const [kept] = [sam, priya].filter(saved);
            const added = kept === sam ? "Day centre" : "Respite in a care home";
            expect(plan).toEqual({ planId: "PLAN-0001", personId: "P001", services: ["Meals", added] });
          }
        },
        mealsForMargaret,
      ),
    );
  });

  it("one changing a plan while the other adds a plan for the same person: both kept, lines apart", async () => {
    await everyInterleaving(
      twoPanes(
        "plan and new plan",
        (sam, priya) => [addToPlan(sam, "PLAN-0001", "Day centre"), newPlan(priya, "P001", "Respite in a care home")],
        (workbook, sam, priya) => {
          expect(heldAs(workbook, sam)).toEqual({
            planId: "PLAN-0001",
            personId: "P001",
            services: ["Meals", "Day centre"],
          });
          expect(heldAs(workbook, priya)).toEqual({
            planId: "PLAN-0002",
            personId: "P001",
            services: ["Respite in a care home"],
          });
        },
        mealsForMargaret,
      ),
    );
  });
});

describe("three panes saving what fast-check picks, their workbook calls in the order its scheduler picks", () => {
  /** The workbook as one pane reaches it: every call waits until the scheduler lets it run. */
  function scheduled(workbook: MemoryWorkbook, s: fc.Scheduler, who: string): Workbook {
    const turn = <T>(call: string, work: () => Promise<T>) =>
      s.schedule(Promise.resolve(), `${who}: ${call}`).then(work);
    return {
      names: () => turn("names", () => workbook.names()),
      readTable: (name, read) => turn(`read ${name}`, () => workbook.readTable(name, read)),
      readCells: (sheet, range) => turn(`read ${sheet}`, () => workbook.readCells(sheet, range)),
      addTables: (tables) => turn("add tables", () => workbook.addTables(tables)),
      addSheet: (sheet) => turn(`add ${sheet.name}`, () => workbook.addSheet(sheet)),
      editTables: (edits) => turn("write", () => workbook.editTables(edits)),
    };
  }

  const work = fc.record({
    kind: fc.constantFrom("new plan", "add to PLAN-0001"),
    personId: fc.constantFrom("P001", "P002"),
    service: fc.constantFrom("Meals", "Day centre", "Respite in a care home"),
  });

  it("never give two plans one ID, leave a line outside its plan, or lose a save told as done", async () => {
    await fc.assert(
      fc.asyncProperty(fc.scheduler(), fc.tuple(work, work, work), async (s, works) => {
        const workbook = new MemoryWorkbook({ formulas: formulaEngine });
        await setUpWorkbook(workbook);
        await mealsForMargaret(workbook);
        if (!books.has("three panes")) books.set("three panes", await readPlanBook(workbook));
        const panes = works.map((_, at) => {
          const opened = pane(scheduled(workbook, s, `pane ${at}`), `Manager ${at + 1}`, () => AT);
          opened.dispatch({ type: "loaded", book: books.get("three panes")!, message: null });
          return opened;
        });
        const scripts = works.map((chosen, at) =>
          chosen.kind === "new plan"
            ? newPlan(panes[at], chosen.personId, chosen.service)
            : addToPlan(panes[at], "PLAN-0001", chosen.service),
        );
        await s.waitFor(Promise.all(scripts));
        const held = plansHeld(workbook);
        works.forEach((chosen, at) => {
          const done = panes[at];
          if (!saved(done)) {
            // Refused only because another pane saved the plan first.
            expect(chosen.kind).toBe("add to PLAN-0001");
            expect(done.state.colleague?.about).toBe("plan");
            return;
          }
          recorded(workbook, done);
          const plan = held.find((candidate) => candidate.planId === done.state.plan!.planId)!;
          if (chosen.kind === "new plan") {
            // A new plan no one else opened: as its pane saved it.
            expect(plan).toMatchObject({ personId: chosen.personId, services: [chosen.service] });
          } else expect(plan.services).toContain(chosen.service);
        });
        const newPlans = works.filter((chosen) => chosen.kind === "new plan").length;
        expect(held).toHaveLength(1 + newPlans);
        // Every save told as done, and Margaret's first, recorded once; a save refused, not at all.
        expect(historyHeld(workbook)).toHaveLength(1 + panes.filter(saved).length);
      }),
      { numRuns: 60 },
    );
  });
});
