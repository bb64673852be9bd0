// The what-if's workbook side: reading People and the price tables once, the pane's own summary (from the
// engine, so it can be shown before any sheet exists), creating ProposedPricePoints and writing the What-if sheet.
// Nothing of the user's is ever overwritten: every name is checked against the workbook's names just before
// anything is written, and a sheet name already taken gets "(2)".
import {
  Cell,
  CohortMember,
  EngineError,
  LossCap,
  matchKey,
  parsePriceTable,
  parseScoringSheet,
  PriceTable,
  Proposal,
  questionOrder,
  Repricing,
  repriceCohort,
  scoreAnswers,
} from "../../engine";
import { isErrorValue, nameTaken, NewTable, sameName, TableData, TEXT_FORMAT, Workbook, WorkbookNames } from "../port";
import { MONEY_FORMAT } from "../schema/columns";
import { headerIndex, requireColumns, WorkbookProblem } from "../schema/rows";
import { PEOPLE, PRICE_POINTS, PROPOSED_PRICE_POINTS, SCORING } from "../schema/tables";
import { MissingTables } from "../plans/book";
import { blankPriceWarnings } from "../blankPrices";
import { whatIfSheet, WhatIfSheetInput } from "./whatIf";
import {
  proposalName,
  proposalNameProblem,
  proposalSheet,
  proposalTable,
  proposalTables,
  reportSheet,
} from "./proposals";

/** A price table as the workbook holds it, and as the engine reads it. */
export interface PriceTableInBook {
  readonly name: string;
  readonly sheet: string;
  /** Header row and body, as read. */
  readonly grid: readonly (readonly Cell[])[];
  readonly table: PriceTable;
}

/** Someone the summary leaves out, and why. */
export interface NotPriced {
  readonly personId: string;
  readonly name: string;
  readonly why: string;
}

/** One proposal in the workbook: ProposedPricePoints, or ProposedPricePoints_<name>. */
export interface ProposalInBook {
  /** Null for ProposedPricePoints; the name after "ProposedPricePoints_", as the workbook spells it. */
  readonly name: string | null;
  /** The table's name and the sheet it is on. */
  readonly table: string;
  readonly sheet: string;
  /** The table as read; null when it cannot be (a rate that is not a number, bounds out of order). */
  readonly read: PriceTableInBook | null;
  /**
   * Why the table cannot be read: no figure is shown for it and no sheet written from it until it is put right. Null
   * when it can be.
   */
  readonly problem: string | null;
}

/** What the what-if needs from the workbook, read and checked once. */
export interface WhatIfBook {
  readonly names: WorkbookNames;
  readonly current: PriceTableInBook;
  /** The workbook's proposals, ProposedPricePoints first, then in the workbook's order. */
  readonly proposals: readonly ProposalInBook[];
  /** Blank cells of the price tables, each named: £0 to the PB functions and so to the pane. */
  readonly blankPrices: readonly string[];
  /** Every row of People, in order, as PB.REPRICE over People's columns sees them. */
  readonly cohort: readonly CohortMember[];
  readonly people: readonly { readonly personId: string; readonly name: string }[];
}

const gridOf = (table: TableData): Cell[][] => [table.headers as Cell[], ...(table.rows as Cell[][])];

function priceTableIn(data: TableData): PriceTableInBook {
  const grid = gridOf(data);
  try {
    return { name: data.name, sheet: data.sheet, grid, table: parsePriceTable(grid) };
  } catch (error) {
    // Stryker disable next-line ConditionalExpression: equivalent; only a defect throws anything but an EngineError.
    if (error instanceof EngineError) throw new WorkbookProblem(`The ${data.name} table: ${error.message}.`);
    throw error;
  }
}

/**
 * Why a person whose Points cell shows an error cannot be priced: the scoring engine's own message when the
 * Scoring table and the answer columns can say it, else the error shown.
 */
function pointsProblem(code: string, answers: () => string | null): string {
  const why = answers();
  return why ? `their Points show ${code}: ${why}` : `their Points cell shows ${code}`;
}

/** Scores each person's answers again, to say why their points are an error; null when it cannot say. */
async function answersChecker(workbook: Workbook, people: TableData): Promise<(row: number) => string | null> {
  const scoring = await workbook.readTable(SCORING.name);
  // Stryker disable next-line ArrowFunction: equivalent; no reason, null or undefined, shows the error alone.
  if (!scoring) return () => null;
  try {
    const sheet = parseScoringSheet(gridOf(scoring));
    const columns = people.headers.flatMap((header, column) =>
      sheet.questionIndex.has(matchKey(header)) ? [column] : [],
    );
    const order = questionOrder(
      sheet,
      columns.map((column) => people.headers[column]),
    );
    return (row) => {
      try {
        scoreAnswers(
          sheet,
          columns.map((column) => people.rows[row][column]),
          order,
        );
        return null;
      } catch (error) {
        // Stryker disable next-line ConditionalExpression: equivalent; only a defect throws other than an EngineError.
        if (error instanceof EngineError) return error.message;
        throw error;
      }
    };
  } catch (error) {
    // Stryker disable next-line ArrowFunction: equivalent; no reason, null or undefined, shows the error alone.
    if (error instanceof EngineError) return () => null;
    throw error;
  }
}

/** Reads People and the price tables. Throws a WorkbookProblem saying what is missing or cannot be read. */
export async function readWhatIfBook(workbook: Workbook): Promise<WhatIfBook> {
  const names = await workbook.names();
  const has = (name: string) => names.tables.some((table) => sameName(table, name));
  const missing = [PEOPLE.name, PRICE_POINTS.name].filter((name) => !has(name));
  if (missing.length > 0) {
    throw new MissingTables(
      `The workbook has no ${missing.join(" and ")} table${missing.length > 1 ? "s" : ""}: the what-if prices ` +
        `the people in ${PEOPLE.name} with the price points in ${PRICE_POINTS.name}. Use "Set up workbook" in ` +
        "Support plan to add what is missing; nothing you already have is changed.",
    );
  }
  const tables = proposalTables(names);
  const [peopleTable, currentTable, ...proposalData] = await Promise.all([
    workbook.readTable(PEOPLE.name),
    workbook.readTable(PRICE_POINTS.name),
    ...tables.map((table) => workbook.readTable(table)),
  ]);
  if (!peopleTable || !currentTable) throw new WorkbookProblem("People or PricePoints went missing: refresh.");
  const current = priceTableIn(currentTable);
  const blankPrices = blankPriceWarnings(currentTable, current.table.kind);
  const proposals = proposalData.flatMap((data): ProposalInBook[] => {
    if (!data) return [];
    const name = proposalName(data.name) ?? null;
    try {
      const read = priceTableIn(data);
      blankPrices.push(...blankPriceWarnings(data, read.table.kind));
      return [{ name, table: data.name, sheet: data.sheet, read, problem: null }];
    } catch (error) {
      // Stryker disable next-line ConditionalExpression: equivalent; priceTableIn throws nothing else but for a defect.
      if (!(error instanceof WorkbookProblem)) throw error;
      return [{ name, table: data.name, sheet: data.sheet, read: null, problem: error.message }];
    }
  });
  requireColumns(PEOPLE, peopleTable, ["personId", "name", "careGroup", "points"]);
  const index = headerIndex(peopleTable);
  const at = (header: string) => index.get(matchKey(header))!;
  const { personId, name, careGroup, points } = PEOPLE.columns;
  const [idColumn, nameColumn, groupColumn, pointsColumn] = [personId, name, careGroup, points].map((column) =>
    at(column.header),
  );
  const answers = await answersChecker(workbook, peopleTable);
  const cohort = peopleTable.rows.map((row, position): CohortMember => {
    const pointsCell = row[pointsColumn];
    if (isErrorValue(pointsCell)) {
      return { points: null, careGroup: null, problem: pointsProblem(pointsCell, () => answers(position)) };
    }
    return { points: pointsCell, careGroup: row[groupColumn] };
  });
  return {
    names,
    current,
    proposals,
    blankPrices,
    cohort,
    people: peopleTable.rows.map((row) => ({
      personId: String(row[idColumn] ?? ""),
      name: String(row[nameColumn] ?? ""),
    })),
  };
}

/** The what-if in the pane: every person under both tables, and who is left out, in People's order. */
export interface WhatIfSummary {
  readonly repricing: Repricing;
  readonly notPriced: readonly NotPriced[];
}

/** Re-prices the cohort as PB.REPRICE does on the sheet (annual, marginal), with who is left out and why. */
export function whatIfSummary(book: WhatIfBook, proposed: PriceTable): WhatIfSummary {
  const repricing = repriceCohort(book.cohort, book.current.table, proposed, { period: "annual", method: "marginal" });
  const notPriced = [...repricing.problems].map(([position, why]) => ({ ...book.people[position], why }));
  return { repricing, notPriced };
}

/** Where something was made. */
export interface Made {
  readonly table?: string;
  readonly sheet: string;
}

/**
 * Creates a proposal's table on a sheet of its own from a proposal (the current table's copy, changed):
 * ProposedPricePoints, or ProposedPricePoints_<name> when named. Refuses, changing nothing, when the name cannot make
 * a table or the workbook already uses it.
 */
export async function createProposedTable(
  workbook: Workbook,
  book: WhatIfBook,
  proposal: Proposal,
  name: string | null = null,
): Promise<Made> {
  // Read again: a table or a sheet may have been made since the book was read.
  const names = await workbook.names();
  if (name === null && nameTaken(names, PROPOSED_PRICE_POINTS.name)) {
    throw new WorkbookProblem(
      `The workbook already has something called ${PROPOSED_PRICE_POINTS.name}, so no proposal was made and ` +
        "nothing was changed. Give this proposal a name of its own to keep both, or Refresh to use that one.",
    );
  }
  const problem = name === null ? null : proposalNameProblem(name, names);
  if (problem) throw new WorkbookProblem(`${problem} No proposal was made and nothing was changed.`);
  const [header, ...body] = proposal.grid;
  const categories = book.current.table.kind === "categories";
  const table: NewTable = {
    name: proposalTable(name === null ? null : name.trim()),
    sheet: proposalSheet(name === null ? null : name.trim(), names.sheets),
    columns: header.map((cell, column) => ({
      // Stryker disable next-line StringLiteral: equivalent; a proposal grid copies a price table: headers text.
      header: String(cell ?? ""),
      numberFormat: column > 0 ? MONEY_FORMAT : categories ? TEXT_FORMAT : "General",
    })),
    // Stryker disable next-line ConditionalExpression: equivalent; both workbooks write undefined blank, as null.
    rows: body.map((row) => row.map((cell) => (cell === undefined ? null : cell))),
  };
  await workbook.addTables([table]);
  return { table: table.name, sheet: table.sheet };
}

/** The sheet's care groups: the current table's, or one name for a table with one column for everyone. */
function careGroupsOf(table: PriceTable): string[] {
  return table.kind === "linear" ? ["Everyone"] : [...table.careGroups.names];
}

/** What the What-if sheet (and the Committee pack) is built from, for a proposal: PricePoints' shape, People's size. */
export function whatIfSheetInput(
  book: WhatIfBook,
  name: string,
  proposal: ProposalInBook,
  cap: LossCap | null,
): WhatIfSheetInput {
  const table = book.current.table;
  return {
    name,
    proposed: proposal.table,
    careGroups: careGroupsOf(table),
    ...(table.kind === "categories" ? { categories: table.categories } : {}),
    ...(table.kind === "bands"
      ? // Stryker disable next-line StringLiteral: equivalent; the grid's first row is the headers, always text.
        { bands: { header: String(book.current.grid[0][0] ?? ""), count: table.lowerBounds.length } }
      : {}),
    people: book.cohort.length,
    cap,
  };
}

/**
 * Writes the What-if sheet of live formulas once, comparing one proposal with PricePoints: "What-if" for
 * ProposedPricePoints, "What-if <name>" for a named one; a sheet name already taken gets "(2)". The cap on losses
 * the pane shows is written into the sheet's cap cells, where it can be changed.
 */
export async function writeWhatIfSheet(
  workbook: Workbook,
  book: WhatIfBook,
  proposal: ProposalInBook,
  cap: LossCap | null = null,
): Promise<Made> {
  const names = await workbook.names();
  if (!names.tables.some((table) => sameName(table, proposal.table))) {
    throw new WorkbookProblem(
      `The What-if sheet compares ${proposal.table} with ${PRICE_POINTS.name}, and the workbook no longer has it: ` +
        "Refresh, then create the proposal again if it was deleted. Nothing was changed.",
    );
  }
  const sheet = reportSheet("What-if", proposal.name, names.sheets);
  await workbook.addSheet(whatIfSheet(whatIfSheetInput(book, sheet, proposal, cap)));
  return { sheet };
}
