// The RAS review view's state, without a browser: named actions, what the view derives from them (the fit, the
// fitted table, whether it can be proposed) and the controller's work on the in-memory workbook.
import { MemoryWorkbook } from "../../src/workbook/memory/memoryWorkbook";
import { formulaEngine } from "../../src/workbook/memory/formulaEngine";
import { equityPoints, readReviewBook, reviewSummary } from "../../src/workbook/reports/reviewBook";
import { CellValue } from "../../src/workbook/port";
import { readWhatIfBook } from "../../src/workbook/reports/whatIfBook";
import { deriveReview, initialReview, ReviewAction, reviewReducer, ReviewState } from "../../src/taskpane/state/review";
import { reviewController } from "../../src/taskpane/state/reviewController";
import { pbFunctionLibrary } from "../support/pbFunctions";
import { reviewWorkbook } from "../support/reviewWorkbook";

/** The controller on a workbook, with the state its actions make. */
function driven(workbook: MemoryWorkbook) {
  let state: ReviewState = initialReview;
  const actions: ReviewAction["type"][] = [];
  const controller = reviewController(workbook, (action) => {
    actions.push(action.type);
    state = reviewReducer(state, action);
  });
  return { controller, state: () => state, actions };
}

describe("the RAS review view's state", () => {
  let workbook: MemoryWorkbook;
  beforeEach(async () => {
    workbook = await reviewWorkbook(await pbFunctionLibrary());
  });

  it("derives the fit, the fitted table and that it can be proposed, from the workbook as read", async () => {
    const state = reviewReducer(initialReview, { type: "loaded", book: await readReviewBook(workbook) });
    expect(state.busy).toBeNull();
    const view = deriveReview(state)!;
    expect(view.summary.fit.all).toMatchObject({ people: 19, rSquared: 0.9414, meanAbsoluteError: 1186.5 });
    expect(view.summary.fittedFit!.all).toMatchObject({ people: 19, rSquared: 0.9776, meanAbsoluteError: 638.27 });
    expect(view.summary.notUsed.map((plan) => plan.planId)).toEqual(["PLAN-0020"]);
    expect([view.canPropose, view.cannotPropose]).toEqual([true, null]);
  });

  it("proposes the fitted table, says what it made, and then cannot propose another", async () => {
    const { controller, state, actions } = driven(workbook);
    await controller.load();
    await controller.propose(state());
    expect(actions).toEqual(["workStarted", "loaded", "workStarted", "fittedProposed"]);
    expect(state().proposed).toEqual({ table: "ProposedPricePoints", sheet: "ProposedPricePoints" });
    expect(state().made).toEqual({
      intent: "success",
      title: "Created ProposedPricePoints",
      text:
        "ProposedPricePoints is on the sheet ProposedPricePoints: the current price points with 14 rates fitted to " +
        "the Agreed plans, keeping the current rates where the evidence cannot fit them. The Price what-if now " +
        "compares it with the current price points, person by person.",
    });
    expect((await readWhatIfBook(workbook)).proposals).toHaveLength(1);
    // Proposed again, beside the first: nothing of the workbook's is refused or overwritten.
    expect(deriveReview(state())!.canPropose).toBe(true);
    await controller.propose(state());
    expect(state().proposed).toEqual({ table: "ProposedPricePoints_Fitted", sheet: "Proposal Fitted" });
    expect((await readWhatIfBook(workbook)).proposals.map((proposal) => proposal.table)).toEqual([
      "ProposedPricePoints",
      "ProposedPricePoints_Fitted",
    ]);
  });

  it("writes the Review sheet and says so; says which tables are missing", async () => {
    const { controller, state } = driven(workbook);
    await controller.load();
    await controller.writeSheet(state());
    expect(state().made?.title).toBe("Wrote the sheet Review");
    expect(workbook.sheetViews().some((sheet) => sheet.name === "Review")).toBe(true);

    const empty = driven(new MemoryWorkbook({ formulas: formulaEngine }));
    await empty.controller.load();
    expect(empty.state().book).toBeNull();
    expect(empty.state().message).toMatchObject({
      title: "Set up the workbook",
      text: expect.stringContaining("The workbook has no Plans or People or PricePoints table") as string,
    });
  });
});

/** A plan as the review reads it: who, their care group, its status and its cost a year. */
type SmallPlan = [
  planId: CellValue,
  personId: CellValue,
  name: CellValue,
  careGroup: CellValue,
  status: CellValue,
  annual: CellValue,
];
const PLAN_HEADERS = ["Plan ID", "Person ID", "Name", "Care group", "Status", "Plan cost (annual)"];
const PEOPLE_HEADERS = ["Person ID", "Name", "Care group", "Points"];

/** A small in-memory workbook of plain values: PricePoints in bands (or as given), People and Plans. */
async function smallWorkbook(
  people: CellValue[][],
  plans: SmallPlan[],
  pricePoints: CellValue[][] = [
    ["Points from", "Older people"],
    [0, 100],
    [20, 200],
  ],
  plansHeaders = PLAN_HEADERS,
  peopleHeaders = PEOPLE_HEADERS,
): Promise<MemoryWorkbook> {
  const workbook = new MemoryWorkbook({ formulas: formulaEngine });
  const general = (header: CellValue) => ({ header: String(header), numberFormat: "General" });
  await workbook.addTables([
    { name: "PricePoints", sheet: "PricePoints", columns: pricePoints[0].map(general), rows: pricePoints.slice(1) },
    { name: "People", sheet: "People", columns: peopleHeaders.map(general), rows: people },
    { name: "Plans", sheet: "Plans", columns: plansHeaders.map(general), rows: plans },
  ]);
  return workbook;
}

describe("the review's reading of Plans and People", () => {
  it("takes only Agreed plans (in any case) as evidence; a plan with a blank or numeric status is none", async () => {
    const workbook = await smallWorkbook(
      [["P1", "Ann", "Older people", 30]],
      [
        ["PL1", "P1", "Ann", "Older people", "agreed", 5000],
        ["PL2", "P1", "Ann", "Older people", null, 6000],
        ["PL3", "P1", "Ann", "Older people", 1, 7000],
        ["PL4", "P1", "Ann", "Older people", "Draft", 8000],
      ],
    );
    const book = await readReviewBook(workbook);
    expect(book.evidence).toEqual([{ points: 30, cost: 5000, careGroup: "Older people" }]);
    expect(book.plans).toEqual([{ planId: "PL1", personId: "P1", name: "Ann" }]);
  });

  it("keeps a plan whose person cannot be found as evidence not used, with no points and why", async () => {
    const workbook = await smallWorkbook(
      [["P1", "Ann", "Older people", 30]],
      [
        ["PL1", "P1", "Ann", "Older people", "Agreed", 5000],
        [null, null, null, "Older people", "Agreed", 6000],
      ],
    );
    const book = await readReviewBook(workbook);
    const why = "their person, (no Person ID), is not in People";
    expect(book.evidence[1]).toEqual({ points: null, cost: 6000, careGroup: "Older people", problem: why });
    // Blank cells named as blank text, not "null".
    expect(reviewSummary(book).notUsed).toEqual([{ planId: "", personId: "", name: "", why }]);
  });

  it("counts a row with blank points as no points, whether it reads as empty or as empty text", async () => {
    const workbook = await smallWorkbook(
      [
        ["P1", "Ann", "Older people", 30],
        ["P1", "Ann", "Older people", null],
        ["P2", "Bob", "Older people", ""],
      ],
      [
        ["PL1", "P1", "Ann", "Older people", "Agreed", 5000],
        ["PL2", "P2", "Bob", "Older people", "Agreed", 6000],
      ],
    );
    const book = await readReviewBook(workbook);
    // P1's second row has no points, so the first is theirs (not "in People 2 times").
    expect(book.evidence[0]).toEqual({ points: 30, cost: 5000, careGroup: "Older people" });
    expect(book.evidence[1].problem).toBe("P2 has no points in People yet");
  });

  it("takes the highest points anyone has, from 0 up; none when nobody has points that count", async () => {
    const highest = async (points: CellValue[]) =>
      (
        await readReviewBook(
          await smallWorkbook(
            points.map((p, at) => [`P${at}`, "", "Older people", p]),
            [],
          ),
        )
      ).highestPoints;
    expect(await highest([12, 47.5, 30])).toBe(47.5);
    expect(await highest([0, null])).toBe(0); // 0 points is a score
    expect(await highest([null, ""])).toBeNull();
    expect(await highest([-5, "47", null])).toBeNull(); // a negative score and text are not points
    expect(await highest([])).toBeNull();
  });

  it("refuses Plans or People without a column the review reads, naming it", async () => {
    const noStatus = PLAN_HEADERS.map((header) => (header === "Status" ? "State" : header));
    await expect(readReviewBook(await smallWorkbook([], [], undefined, noStatus))).rejects.toThrow(
      'The Plans table is missing the column "Status".',
    );
    const noPoints = ["Person ID", "Name", "Care group", "Score"];
    await expect(readReviewBook(await smallWorkbook([], [], undefined, PLAN_HEADERS, noPoints))).rejects.toThrow(
      'The People table is missing the column "Points".',
    );
  });

  it("asks for a refresh when People goes missing while it is read", async () => {
    const workbook = await smallWorkbook([], []);
    const whatIf = await readWhatIfBook(workbook); // the What-if read it before People went
    const readTable = workbook.readTable.bind(workbook);
    jest.spyOn(workbook, "readTable").mockImplementation(async (name) => (name === "People" ? null : readTable(name)));
    await expect(readReviewBook(workbook, whatIf)).rejects.toThrow("Plans or People went missing: refresh.");
  });

  it("refuses People whose Points column was renamed after the What-if read it", async () => {
    const workbook = await smallWorkbook([["P1", "Ann", "Older people", 30]], []);
    const whatIf = await readWhatIfBook(workbook);
    const readTable = workbook.readTable.bind(workbook);
    jest.spyOn(workbook, "readTable").mockImplementation(async (name) => {
      const data = await readTable(name);
      return name === "People" ? { ...data!, headers: ["Person ID", "Name", "Care group", "Score"] } : data;
    });
    await expect(readReviewBook(workbook, whatIf)).rejects.toThrow('The People table is missing the column "Points".');
  });
});

describe("the review's summary", () => {
  it("fits nothing when no plan is Agreed, or no Agreed plan can be used", async () => {
    const people = [["P1", "Ann", "Older people", 30]];
    const none = reviewSummary(await readReviewBook(await smallWorkbook(people, [])));
    expect([none.calibration, none.fitted, none.fittedFit]).toEqual([null, null, null]);
    const unusable = reviewSummary(
      await readReviewBook(await smallWorkbook(people, [["PL1", "P9", "Zoe", "Older people", "Agreed", 5000]])),
    );
    expect([unusable.calibration, unusable.fitted, unusable.fittedFit]).toEqual([null, null, null]);
    expect(unusable.notUsed.map((plan) => plan.why)).toEqual(["their person, P9, is not in People"]);
  });

  it("fits nothing for a table of categories (an outcomes-based RAS)", async () => {
    const workbook = await smallWorkbook(
      [["P1", "Ann", "Older people", "Basic"]], // their outcome category, in place of points
      [["PL1", "P1", "Ann", "Older people", "Agreed", 5000]],
      [
        ["Category", "Older people"],
        ["Basic", 2600],
      ],
    );
    const summary = reviewSummary(await readReviewBook(workbook));
    expect(summary.fit.all.people).toBe(1); // measured against the categories
    expect([summary.calibration, summary.fitted, summary.fittedFit]).toEqual([null, null, null]);
  });

  it("fits one table for all when PricePoints has one care group", async () => {
    const workbook = await smallWorkbook(
      [
        ["P1", "Ann", "Older people", 10],
        ["P2", "Bob", "Older people", 30],
      ],
      [
        ["PL1", "P1", "Ann", "Older people", "Agreed", 5000],
        ["PL2", "P2", "Bob", "Older people", "Agreed", 9000],
      ],
    );
    const summary = reviewSummary(await readReviewBook(workbook));
    expect(summary.calibration!.groups.map((group) => group.careGroup)).toEqual(["All"]);
  });
});

describe("the equity block's points", () => {
  it("runs 0, 10, 20 … to the highest points rounded up to ten, at least to 10", () => {
    expect(equityPoints(83, 60)).toEqual([0, 10, 20, 30, 40, 50, 60, 70, 80, 90]);
    expect(equityPoints(40, 60)).toEqual([0, 10, 20, 30, 40]);
    expect(equityPoints(3, 60)).toEqual([0, 10]);
    // Nobody with points yet: the top band's bound and ten more (60 + 10).
    expect(equityPoints(null, 60)).toEqual([0, 10, 20, 30, 40, 50, 60, 70]);
  });
});
