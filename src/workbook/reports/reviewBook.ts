// The RAS review's workbook side: the evidence read once from Plans and People exactly as the Review sheet's formulas
// read it (every Agreed plan, its person's points looked up by Person ID), the pane's figures from the same engine
// rules as PB.RAS_FIT and PB.CALIBRATE, proposing the fitted table through the What-if's own ProposedPricePoints, and
// writing the Review sheet. Nothing of the user's is overwritten.
import {
  AGREED,
  Calibration,
  calibrate,
  Cell,
  EvidenceMember,
  FittedProposal,
  fitRas,
  matchKey,
  proposeFittedTable,
  RasFit,
} from "../../engine";
import { freeSheetName, isErrorValue, nameTaken, sameName, TableData, Workbook, WorkbookNames } from "../port";
import { headerIndex, requireColumns, WorkbookProblem } from "../schema/rows";
import { PEOPLE, PLANS, PRICE_POINTS, PROPOSED_PRICE_POINTS } from "../schema/tables";
import { MissingTables } from "../plans/book";
import { proposalTable } from "./proposals";
import { reviewSheet } from "./review";
import { createProposedTable, Made, PriceTableInBook, readWhatIfBook, WhatIfBook } from "./whatIfBook";

/** A plan of the evidence, named for the pane. */
export interface EvidencePlan {
  readonly planId: string;
  readonly personId: string;
  readonly name: string;
}

/** What the review needs from the workbook, read and checked once. */
export interface ReviewBook {
  readonly names: WorkbookNames;
  readonly current: PriceTableInBook;
  /** Every Agreed plan, in Plans' order, as the Review sheet's formulas see it. */
  readonly evidence: readonly EvidenceMember[];
  readonly plans: readonly EvidencePlan[];
  /** The highest points anyone in People has now (null when nobody has points yet). */
  readonly highestPoints: number | null;
}

/** The Review sheet's FILTER(…,Plans[Status]="Agreed"): Excel's "=" ignores case (not spaces). */
const isAgreed = (status: Cell) => typeof status === "string" && status.toLowerCase() === AGREED.toLowerCase();
/** COUNTIFS matches a Person ID ignoring case. */
const idKey = (cell: Cell) => String(cell ?? "").toLowerCase();
const blank = (cell: Cell) => cell === null || cell === undefined || cell === "";

const column = (data: TableData, header: string) => headerIndex(data).get(matchKey(header))!;

/**
 * Each person's points as SUMIFS(People[Points], People[Person ID], id) ÷ (COUNTIFS(…, id, People[Points], "<>") = 1)
 * gives them: the points of the one row with that ID and points, or why there is no such row.
 */
function pointsLookup(people: TableData): (personId: Cell) => { points: Cell } | { problem: string } {
  const idColumn = column(people, PEOPLE.columns.personId.header);
  const pointsColumn = column(people, PEOPLE.columns.points.header);
  const byId = new Map<string, Cell[]>();
  for (const row of people.rows) {
    const key = idKey(row[idColumn]);
    byId.set(key, [...(byId.get(key) ?? []), row[pointsColumn]]);
  }
  return (personId) => {
    const id = String(personId ?? "");
    const rows = byId.get(idKey(personId));
    if (rows === undefined) return { problem: `their person, ${id || "(no Person ID)"}, is not in ${PEOPLE.name}` };
    const scored = rows.filter((points) => !blank(points));
    if (scored.length === 0) return { problem: `${id} has no points in ${PEOPLE.name} yet` };
    if (scored.length > 1) return { problem: `${id} is in ${PEOPLE.name} ${scored.length} times` };
    const points = scored[0];
    if (isErrorValue(points)) {
      return { problem: `${id}'s Points in ${PEOPLE.name} show ${points}` };
    }
    return { points };
  };
}

/**
 * Reads Plans, People and PricePoints (the price points as the what-if reads them: `whatIf`, when already read).
 * Throws a WorkbookProblem saying what is missing or cannot be read.
 */
export async function readReviewBook(workbook: Workbook, whatIfRead?: WhatIfBook): Promise<ReviewBook> {
  const names = await workbook.names();
  const has = (name: string) => names.tables.some((table) => sameName(table, name));
  const missing = [PLANS.name, PEOPLE.name, PRICE_POINTS.name].filter((name) => !has(name));
  if (missing.length > 0) {
    throw new MissingTables(
      `The workbook has no ${missing.join(" or ")} table: the review compares the price points in ` +
        `${PRICE_POINTS.name} with the Agreed plans in ${PLANS.name} and their people's points in ${PEOPLE.name}. ` +
        'Use "Set up workbook" in Support plan to add what is missing; nothing you already have is changed.',
    );
  }
  // The what-if's reading of the price points, so both views read PricePoints alike.
  const [whatIf, plansTable, peopleTable] = await Promise.all([
    whatIfRead ?? readWhatIfBook(workbook),
    workbook.readTable(PLANS.name),
    workbook.readTable(PEOPLE.name),
  ]);
  if (!plansTable || !peopleTable) throw new WorkbookProblem("Plans or People went missing: refresh.");
  requireColumns(PLANS, plansTable, ["planId", "personId", "name", "careGroup", "status", "annual"]);
  requireColumns(PEOPLE, peopleTable, ["personId", "points"]);
  const at = (header: string) => column(plansTable, header);
  const { planId, personId, name, careGroup, status, annual } = PLANS.columns;
  const lookUp = pointsLookup(peopleTable);
  const evidence: EvidenceMember[] = [];
  const plans: EvidencePlan[] = [];
  for (const row of plansTable.rows) {
    if (!isAgreed(row[at(status.header)])) continue;
    const person = row[at(personId.header)];
    const found = lookUp(person);
    const cells = { cost: row[at(annual.header)], careGroup: row[at(careGroup.header)] };
    evidence.push("problem" in found ? { ...cells, points: null, problem: found.problem } : { ...cells, ...found });
    plans.push({
      planId: String(row[at(planId.header)] ?? ""),
      personId: String(person ?? ""),
      name: String(row[at(name.header)] ?? ""),
    });
  }
  const pointsColumn = column(peopleTable, PEOPLE.columns.points.header);
  const scores = peopleTable.rows.flatMap((row) => {
    const points = row[pointsColumn];
    return typeof points === "number" && points >= 0 ? [points] : [];
  });
  return {
    names,
    current: whatIf.current,
    evidence,
    plans,
    highestPoints: scores.length > 0 ? Math.max(...scores) : null,
  };
}

/** A plan the review cannot use, and why. */
export interface NotUsed extends EvidencePlan {
  readonly why: string;
}

/** The review in the pane: the same figures the Review sheet's PB.RAS_FIT and PB.CALIBRATE give. */
export interface ReviewSummary {
  /** The current price points against the evidence, by care group and for all. */
  readonly fit: RasFit;
  readonly notUsed: readonly NotUsed[];
  /** Null for a category table (an outcomes-based RAS): there are no bands to fit. */
  readonly calibration: Calibration | null;
  /** The fitted table as it would be proposed, and the rates it keeps; null when there is nothing fitted. */
  readonly fitted: FittedProposal | null;
  /** The proposed table against the same evidence: what the fit gains. */
  readonly fittedFit: RasFit | null;
}

/** Works out the review from the book: PB.RAS_FIT's rule, PB.CALIBRATE's with PricePoints' own bands. */
export function reviewSummary(book: ReviewBook): ReviewSummary {
  const table = book.current.table;
  const fit = fitRas(book.evidence, table);
  const notUsed = [...fit.notUsed].map(([position, why]) => ({ ...book.plans[position], why }));
  // Nothing to fit with no usable plan (no plan at all included: then none is not used, and 0 = 0).
  if (table.kind !== "bands" || fit.notUsed.size === book.evidence.length) {
    return { fit, notUsed, calibration: null, fitted: null, fittedFit: null };
  }
  const calibration = calibrate(book.evidence, table.lowerBounds, table.careGroups.names.length > 1);
  const fitted = proposeFittedTable(book.current.grid, calibration);
  return { fit, notUsed, calibration, fitted, fittedFit: fitRas(book.evidence, fitted.proposal.table) };
}

/**
 * The name the fitted table is proposed under: none (ProposedPricePoints) while that table is free, else Fitted,
 * Fitted2… (ProposedPricePoints_Fitted…), the first the workbook does not use, so no proposal of the user's is touched.
 */
export function fittedProposalName(names: WorkbookNames): string | null {
  if (!nameTaken(names, PROPOSED_PRICE_POINTS.name)) return null;
  for (let n = 1; ; n++) {
    const name = n === 1 ? "Fitted" : `Fitted${n}`;
    if (!nameTaken(names, proposalTable(name))) return name;
  }
}

/**
 * Creates a proposal from the fitted table, through the What-if's own machinery (its checks, its sheet and formats),
 * so the What-if then compares it like any proposal: ProposedPricePoints, or ProposedPricePoints_Fitted when that is
 * taken (fittedProposalName). Refuses, changing nothing, when the name is taken by then.
 */
export async function proposeFittedPricePoints(workbook: Workbook, fitted: FittedProposal): Promise<Made> {
  const whatIf = await readWhatIfBook(workbook);
  return createProposedTable(workbook, whatIf, fitted.proposal, fittedProposalName(whatIf.names));
}

/** The equity block's points: 0, 10, 20 … the cohort's highest, rounded up to ten (at least 0 to 10). */
export function equityPoints(highest: number | null, topBound: number): number[] {
  const top = Math.max(10, Math.ceil((highest ?? topBound + 10) / 10) * 10);
  return Array.from({ length: top / 10 + 1 }, (_, step) => step * 10);
}

/** Writes the Review sheet of live formulas once ("Review", or "Review (2)" when that name is taken). */
export async function writeReviewSheet(workbook: Workbook, book: ReviewBook): Promise<Made> {
  const table = book.current.table;
  if (table.kind !== "bands") {
    throw new WorkbookProblem(
      `The Review sheet fits price points in points bands, and ${PRICE_POINTS.name} is a table of categories (an ` +
        "outcomes-based RAS). PB.RAS_FIT still measures it in any cell. Nothing was changed.",
    );
  }
  const names = await workbook.names();
  const sheet = freeSheetName("Review", names.sheets);
  await workbook.addSheet(
    reviewSheet({
      name: sheet,
      careGroups: table.careGroups.names,
      bands: table.lowerBounds.length,
      // Stryker disable next-line StringLiteral: equivalent; the grid's first row is the table's headers, always text.
      boundsHeader: String(book.current.grid[0][0] ?? ""),
      equityPoints: equityPoints(book.highestPoints, table.lowerBounds[table.lowerBounds.length - 1].toNumber()),
      plans: book.evidence.length,
    }),
  );
  return { sheet };
}
