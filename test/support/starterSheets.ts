// The in-memory workbook's tables in HyperFormula, each on its own sheet from A1, with the few reference forms the
// starter writes turned into the A1 ranges Excel would resolve them to (HyperFormula has no structured references).
import { HyperFormula } from "hyperformula";
import { MemoryWorkbook } from "../../src/workbook/memory/memoryWorkbook";

const columnLetter = (index: number): string =>
  (index < 26 ? "" : columnLetter(Math.floor(index / 26) - 1)) + String.fromCharCode(65 + (index % 26));

/** Table[#All], Table[@[A]:[B]], [@Column] and [@[Column name]] as A1 references, for the row given. */
function toA1(
  formula: string,
  row: number,
  tables: Map<string, { sheet: string; headers: readonly string[]; rows: number }>,
  own: string,
): string {
  const column = (table: string, header: string) => {
    const index = tables.get(table)!.headers.indexOf(header);
    if (index < 0) throw new Error(`${table} has no column ${header}`);
    return columnLetter(index);
  };
  return formula
    .replace(/(\w+)\[#All\]/g, (_, table: string) => {
      const { sheet, headers, rows } = tables.get(table)!;
      return `'${sheet}'!$A$1:$${columnLetter(headers.length - 1)}$${rows + 1}`;
    })
    .replace(
      /(\w+)\[@\[([^\]]+)\]:\[([^\]]+)\]\]/g,
      (_, table: string, first: string, last: string) => `${column(table, first)}${row}:${column(table, last)}${row}`,
    )
    .replace(
      /\[@\[([^\]]+)\]\]|\[@(\w+)\]/g,
      (_, spaced: string | undefined, plain: string | undefined) => `${column(own, (spaced ?? plain)!)}${row}`,
    );
}

/** The workbook's tables as HyperFormula's sheets, People's formulas included; the PB functions must be registered. */
export function starterInHyperFormula(workbook: MemoryWorkbook): { hf: HyperFormula; headers: readonly string[] } {
  const tables = workbook.allTables();
  const shapes = new Map(
    tables.map((table) => [table.name, { sheet: table.sheet, headers: table.headers, rows: table.rows.length }]),
  );
  const sheets = Object.fromEntries(
    tables.map((table) => [
      table.sheet,
      [
        table.headers,
        ...table.rows.map((row, index) =>
          row.map((cell) =>
            typeof cell === "string" && cell.startsWith("=") ? toA1(cell, index + 2, shapes, table.name) : cell,
          ),
        ),
      ],
    ]),
  );
  const hf = HyperFormula.buildFromSheets(sheets as never, { licenseKey: "gpl-v3" });
  return { hf, headers: shapes.get("People")!.headers };
}
