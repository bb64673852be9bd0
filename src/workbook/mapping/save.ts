// Saving a mapping in the WorkbookMapping table (made on a sheet of its own the first time), and adding the add-in's
// two calculated columns, Points and Indicative budget, at the right of a council's people table that lacks them.
import { freeSheetName, Workbook } from "../port";
import { cellsOf, columnWrites, fieldsOf, tableEdit } from "../schema/rows";
import { PEOPLE, WORKBOOK_MAPPING } from "../schema/tables";
import { MappedWorkbook } from "./mappedWorkbook";
import { INDICATIVE_BUDGET, mappingRows, POINTS, WorkbookMapping } from "./model";

/**
 * Writes the mapping over what the WorkbookMapping table held: its rows updated in place, extra rows deleted, more
 * appended; a first mapping makes the table on a new sheet. Only that table is written.
 */
export async function saveMapping(workbook: Workbook, mapping: WorkbookMapping): Promise<void> {
  const rows = mappingRows(mapping);
  const fields = fieldsOf(WORKBOOK_MAPPING);
  const data = await workbook.readTable(WORKBOOK_MAPPING.name);
  if (!data) {
    const names = await workbook.names();
    await workbook.addTables([
      {
        name: WORKBOOK_MAPPING.name,
        sheet: freeSheetName(WORKBOOK_MAPPING.sheet, names.sheets),
        columns: columnWrites(WORKBOOK_MAPPING),
        rows: rows.map((row) => cellsOf(WORKBOOK_MAPPING, row, fields)),
      },
    ]);
    return;
  }
  const keyColumn = data.headers.findIndex((header) => header === WORKBOOK_MAPPING.columns.addInTable.header);
  const ref = (row: number) => ({
    row,
    key: { header: WORKBOOK_MAPPING.columns.addInTable.header, value: String(data.rows[row][keyColumn] ?? "") },
  });
  const kept = Math.min(rows.length, data.rows.length);
  await workbook.editTables([
    tableEdit(WORKBOOK_MAPPING, data, fields, {
      update: rows.slice(0, kept).map((value, row) => ({ ...ref(row), value })),
      delete: data.rows.slice(kept).map((_, at) => ref(kept + at)),
      append: rows.slice(kept),
    }),
  ]);
}

/**
 * Adds the add-in's Points and Indicative budget columns, each marked added in the mapping, at the right of the
 * council's people table, as live formulas in every row; nothing else of the table is written.
 */
export async function addCalculatedColumns(workbook: MappedWorkbook): Promise<readonly string[]> {
  const entry = await workbook.entry(PEOPLE.name);
  const people = await workbook.readTable(PEOPLE.name);
  if (!entry || !people) return [];
  const wanted = entry.columns.filter(
    (column) => column.added && !people.headers.some((header) => header === column.field),
  );
  if (wanted.length === 0) return [];
  const columns = columnWrites(PEOPLE, ["points", "indicativeBudget"]).filter((column) =>
    wanted.some((added) => added.field === column.header),
  );
  // Points first, so that the budget's formula finds it.
  columns.sort((a, b) => [POINTS, INDICATIVE_BUDGET].indexOf(a.header) - [POINTS, INDICATIVE_BUDGET].indexOf(b.header));
  await workbook.editTables([{ table: PEOPLE.name, columns }]);
  return columns.map((column) => wanted.find((added) => added.field === column.header)!.header);
}
