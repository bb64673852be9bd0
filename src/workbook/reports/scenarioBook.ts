// Scenarios side by side (issue 25 §4): every proposal in the workbook measured the same way — the what-if's totals
// (PB.REPRICE's rule), the largest loss, the cost of transitional protection, the Agreed plans whose light it would
// change (lightReview's rule) and its fit against what Agreed plans cost (PB.RAS_FIT's). The Agreed plans are read
// once with the what-if's tables; a workbook without them still compares proposals, and says what is left out.
import {
  EngineError,
  fitRas,
  largestChanges,
  LossCap,
  PriceTable,
  Protection,
  protectLosses,
  RasFit,
} from "../../engine";
import { sameName, Workbook } from "../port";
import { PLANS, PRICE_POINTS } from "../schema/tables";
import { PlanBook, readPlanBook, WorkbookProblem } from "../plans/book";
import { proposalLightReview, ProposalLightReview } from "../plans/lightReview";
import { committeePackSheet } from "./committeePack";
import { proposalLabel, reportSheet } from "./proposals";
import { readReviewBook, ReviewBook } from "./reviewBook";
import {
  Made,
  ProposalInBook,
  readWhatIfBook,
  WhatIfBook,
  whatIfSheetInput,
  whatIfSummary,
  WhatIfSummary,
} from "./whatIfBook";

/** What the scenarios are measured from, read once. */
export interface ScenarioBook {
  readonly whatIf: WhatIfBook;
  /** The plan book (Agreed plans, the tolerance, each person's answers) for the lights; null when it cannot be read. */
  readonly plans: PlanBook | null;
  /** Why the lights cannot be checked (the Support plan view's tables missing or unreadable); null when they can. */
  readonly plansProblem: string | null;
  /** The Agreed plans as evidence for the fit; null when Plans cannot be read. */
  readonly evidence: ReviewBook | null;
  readonly evidenceProblem: string | null;
}

/** A part read beside the what-if: its value, or why it cannot be had (a WorkbookProblem's message). */
async function optional<T>(read: () => Promise<T>): Promise<{ value: T | null; problem: string | null }> {
  try {
    return { value: await read(), problem: null };
  } catch (error) {
    // Stryker disable next-line ConditionalExpression: equivalent; only a defect throws anything else.
    if (error instanceof WorkbookProblem || error instanceof EngineError)
      return { value: null, problem: error.message };
    throw error;
  }
}

/** Reads the what-if's tables, and the Agreed plans where the workbook has them. */
export async function readScenarioBook(workbook: Workbook): Promise<ScenarioBook> {
  const whatIf = await readWhatIfBook(workbook);
  const [plans, evidence] = await Promise.all([
    optional(() => readPlanBook(workbook)),
    optional(() => readReviewBook(workbook, whatIf)),
  ]);
  return {
    whatIf,
    plans: plans.value,
    plansProblem: plans.problem,
    evidence: evidence.value,
    evidenceProblem: evidence.problem,
  };
}

/** Someone's change, named. */
export interface NamedChange {
  readonly personId: string;
  readonly name: string;
  /** Proposed − current, £ to the penny. */
  readonly change: number;
}

/** One proposal measured. */
export interface Scenario {
  readonly proposal: ProposalInBook;
  readonly label: string;
  readonly summary: WhatIfSummary;
  /** The ten largest losses and gains, as the What-if sheet ranks them. */
  readonly losses: readonly NamedChange[];
  readonly gains: readonly NamedChange[];
  /** With a cap on losses: who is protected and what it costs; null without one. */
  readonly protection: Protection | null;
  /** Agreed plans whose light it would change; null when they cannot be checked (ScenarioBook.plansProblem). */
  readonly lights: ProposalLightReview | null;
  /** Its fit against Agreed plans' costs; null without evidence. */
  readonly fit: RasFit | null;
}

/** How many of the largest losses and gains are named, as on the What-if sheet. */
export const RANKED_PEOPLE = 10;

/** Measures one proposal's table (a workbook proposal's, or one not yet created) at a day (ISO). */
export function measureScenario(
  book: ScenarioBook,
  proposal: ProposalInBook,
  table: PriceTable,
  cap: LossCap | null,
  asAt: string,
): Scenario {
  const summary = whatIfSummary(book.whatIf, table);
  const named = (kind: "losses" | "gains") =>
    largestChanges(summary.repricing, kind, RANKED_PEOPLE).map(({ index, change }) => ({
      ...book.whatIf.people[index],
      change,
    }));
  return {
    proposal,
    label: proposalLabel(proposal.name),
    summary,
    losses: named("losses"),
    // Stryker disable next-line StringLiteral: equivalent; largestChanges ranks any kind but "losses" as gains.
    gains: named("gains"),
    protection: cap && protectLosses(summary.repricing, cap),
    lights: book.plans && proposalLightReview(book.plans, table, asAt),
    fit: book.evidence && fitRas(book.evidence.evidence, table),
  };
}

/** Every readable proposal in the workbook, measured alike; one that cannot be read is left to the view to name. */
export function workbookScenarios(book: ScenarioBook, cap: LossCap | null, asAt: string): Scenario[] {
  return book.whatIf.proposals.flatMap((proposal) =>
    proposal.read ? [measureScenario(book, proposal, proposal.read.table, cap, asAt)] : [],
  );
}

/** The current price points' fit against Agreed plans' costs (PB.RAS_FIT's rule); null without evidence. */
export const currentFit = (book: ScenarioBook): RasFit | null =>
  book.evidence && fitRas(book.evidence.evidence, book.whatIf.current.table);

/**
 * Writes the Committee pack for a proposal ("Committee pack", or "Committee pack <name>"; "(2)" when taken), with the
 * cap on losses the pane shows in its cap cells, laid out to print on A4.
 */
export async function writeCommitteePack(
  workbook: Workbook,
  book: ScenarioBook,
  proposal: ProposalInBook,
  cap: LossCap | null,
): Promise<Made> {
  const names = await workbook.names();
  if (!names.tables.some((table) => sameName(table, proposal.table))) {
    throw new WorkbookProblem(
      `The Committee pack compares ${proposal.table} with ${PRICE_POINTS.name}, and the workbook no longer has it: ` +
        "Refresh. Nothing was changed.",
    );
  }
  const { whatIf } = book;
  const hasPlans = names.tables.some((table) => sameName(table, PLANS.name));
  const sheet = reportSheet("Committee pack", proposal.name, names.sheets);
  await workbook.addSheet(
    committeePackSheet({
      ...whatIfSheetInput(whatIf, sheet, proposal, cap),
      label: proposalLabel(proposal.name),
      plans: hasPlans ? (book.evidence?.evidence.length ?? 0) : null,
    }),
  );
  return { sheet };
}
