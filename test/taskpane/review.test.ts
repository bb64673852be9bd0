// The RAS review view's state, without a browser: named actions, what the view derives from them (the fit, the
// fitted table, whether it can be proposed) and the controller's work on the in-memory workbook.
import { MemoryWorkbook } from "../../src/workbook/memory/memoryWorkbook";
import { formulaEngine } from "../../src/workbook/memory/formulaEngine";
import { readReviewBook } from "../../src/workbook/reports/reviewBook";
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
