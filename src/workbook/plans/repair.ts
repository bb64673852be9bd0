// Refresh repairs what a user can lose by accident: People rows added below the table without its
// formulas (or with their cells cleared) get the Points and Indicative budget formulas back. Only cells that hold
// no formula and no value are written: what cells hold is read (Range.formulas), not what they show, so a formula
// of the user's that shows nothing (=IF(TRUE,"",[@Points])) is never replaced.
import { isBlank, matchKey, parseScoringSheet } from "../../engine";
import { councilColumns } from "../mapping/mappedWorkbook";
import { ColumnWrite, TableEdit, Workbook } from "../port";
import { headerIndex } from "../schema/rows";
import { PEOPLE, peopleColumns, SCORING } from "../schema/tables";
import { asGrid, inTable } from "./tables";

/** What a repair did, or why it could not: rows given their formulas back. */
export interface PeopleRepair {
  readonly repairedRows: number;
  /** Set when blank formula cells were found but could not be repaired safely. */
  readonly problem: string | null;
}

/** Writes the People table's formulas into the rows whose Points or Indicative budget cell is blank. */
export async function repairPeopleFormulas(workbook: Workbook): Promise<PeopleRepair> {
  const [people, held, scoringTable, theirs] = await Promise.all([
    workbook.readTable(PEOPLE.name),
    workbook.readTable(PEOPLE.name, "formulas"),
    workbook.readTable(SCORING.name),
    councilColumns(workbook, PEOPLE.name),
  ]);
  if (!people || !held || !scoringTable || held.rows.length !== people.rows.length) {
    return { repairedRows: 0, problem: null };
  }
  const index = headerIndex(people);
  const at = (header: string) => index.get(matchKey(header));
  const { personId, points, indicativeBudget } = PEOPLE.columns;
  const idColumn = at(personId.header);
  // A council's own points column (a mapped workbook's) holds what the council put there: never written.
  const calculated = [points, indicativeBudget]
    .filter((column) => !theirs.some((field) => matchKey(field) === matchKey(column.header)))
    .map((column) => ({ header: column.header, at: at(column.header) }));
  if (idColumn === undefined || calculated.length === 0 || calculated.some((column) => column.at === undefined)) {
    return { repairedRows: 0, problem: null };
  }
  // Empty: no formula and no value in the cell (a row's Person ID, to find it again, is its value).
  const blankRows = (column: number) =>
    people.rows.flatMap((row, rowIndex) =>
      isBlank(held.rows[rowIndex][column]) && !isBlank(row[idColumn]) ? [{ rowIndex, id: String(row[idColumn]) }] : [],
    );
  const blanks = calculated.map((column) => ({ ...column, rows: blankRows(column.at!) }));
  const repairedRows = new Set(blanks.flatMap((column) => column.rows.map((row) => row.rowIndex))).size;
  if (repairedRows === 0) return { repairedRows: 0, problem: null };

  // The answers run from the first question column to the last, in the table's own order; the formula names
  // that span, so it is only right when no other column sits inside it.
  const scoring = inTable(scoringTable.name, () => parseScoringSheet(asGrid(scoringTable)));
  const answerColumns = people.headers.flatMap((header, column) =>
    scoring.questionIndex.has(matchKey(header)) ? [column] : [],
  );
  const sideBySide = answerColumns.every(
    (column, position) => position === 0 || column === answerColumns[0] + position,
  );
  if (answerColumns.length === 0 || !sideBySide) {
    return {
      repairedRows: 0,
      problem:
        `${repairedRows} People row${repairedRows === 1 ? " has" : "s have"} no Points or Indicative budget formula, ` +
        "and the question columns are not side by side, so the add-in cannot write it; copy the formula down in Excel.",
    };
  }
  const formulas = peopleColumns(answerColumns.map((column) => people.headers[column]));
  const write = (header: string): ColumnWrite => formulas.find((column) => column.header === header)!;
  const edits: TableEdit[] = blanks
    .filter((column) => column.rows.length > 0)
    .map((column) => ({
      table: people.name,
      columns: [write(column.header)],
      update: column.rows.map(({ rowIndex, id }) => ({
        row: rowIndex,
        key: { header: personId.header, value: id },
        values: [null],
      })),
    }));
  await workbook.editTables(edits);
  return { repairedRows, problem: null };
}
