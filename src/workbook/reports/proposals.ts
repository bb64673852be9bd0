// More than one proposal in a workbook (issue 25 §4): each is a table, "ProposedPricePoints" and
// "ProposedPricePoints_<name>", so a policy officer can keep scenarios side by side. What a proposal's table, its sheet
// and the sheets written from it are called, and whether a name can be given, live here once.
import { PROPOSED_PRICE_POINTS } from "../schema/tables";
import { freeSheetName, nameTaken, sameName, WorkbookNames } from "../port";

/** What joins the table's name and a proposal's own. */
const JOINER = "_";
/**
 * Letters, digits and underscores, starting with a letter: a table name Excel takes (no spaces, nothing that reads
 * as a cell such as "A1" once joined), and at most 12 characters so "Committee pack <name> (2)" stays within a
 * sheet name's 31.
 */
const NAME = /^[A-Za-z][A-Za-z0-9_]{0,11}$/;

/** The table a proposal is kept in: ProposedPricePoints for the unnamed one, else ProposedPricePoints_<name>. */
export const proposalTable = (name: string | null): string =>
  name === null ? PROPOSED_PRICE_POINTS.name : `${PROPOSED_PRICE_POINTS.name}${JOINER}${name}`;

/**
 * The proposal a table holds: null for ProposedPricePoints, its name for ProposedPricePoints_<name> (as the
 * workbook spells it), undefined for any other table.
 */
export function proposalName(table: string): string | null | undefined {
  if (sameName(table, PROPOSED_PRICE_POINTS.name)) return null;
  const prefix = `${PROPOSED_PRICE_POINTS.name}${JOINER}`;
  if (table.length > prefix.length && sameName(table.slice(0, prefix.length), prefix)) {
    return table.slice(prefix.length);
  }
  return undefined;
}

/** The tables of the workbook's proposals, the unnamed one first, then in the workbook's order. */
export function proposalTables(names: WorkbookNames): string[] {
  const { tables } = names;
  return [...tables.filter((table) => proposalName(table) === null), ...tables.filter((table) => proposalName(table))];
}

/** How a proposal is named to the user: "ProposedPricePoints" or its own name. */
export const proposalLabel = (name: string | null): string => name ?? PROPOSED_PRICE_POINTS.name;

/**
 * Why a name typed for a new proposal cannot be used, or null when it can: it must make a table name Excel takes, and
 * the table must not exist yet (nor a defined name of the same name, which shares tables' name space).
 */
export function proposalNameProblem(typed: string, names: WorkbookNames): string | null {
  const name = typed.trim();
  if (name === "") {
    return `Give the proposal a name: ${PROPOSED_PRICE_POINTS.name} is taken, so this one needs its own.`;
  }
  if (!NAME.test(name)) {
    return (
      `A proposal's name is letters, digits and underscores, starting with a letter, at most 12 characters ` +
      `(such as Freeze or Plus5_2027), as it becomes part of a table name; got "${name}"`
    );
  }
  if (nameTaken(names, proposalTable(name))) {
    return `The workbook already has something called ${proposalTable(name)}: choose another name.`;
  }
  return null;
}

/** The sheet a new proposal's table goes on: ProposedPricePoints, or "Proposal <name>", with "(2)" if taken. */
export const proposalSheet = (name: string | null, sheets: readonly string[]): string =>
  freeSheetName(name === null ? PROPOSED_PRICE_POINTS.sheet : `Proposal ${name}`, sheets);

/** A report sheet written for a proposal: "What-if", or "What-if <name>", with "(2)" if taken. */
export const reportSheet = (report: string, name: string | null, sheets: readonly string[]): string =>
  freeSheetName(name === null ? report : `${report} ${name}`, sheets);
