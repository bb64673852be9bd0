// Excel's structured references, turned into the A1 ranges Excel resolves them to, for HyperFormula
// (which has none). Each table is on a sheet of its own with its header row in row 1.

export interface TableShape {
  readonly sheet: string;
  readonly headers: readonly string[];
  /** Body rows. */
  readonly rows: number;
}

const columnLetter = (index: number): string =>
  (index < 26 ? "" : columnLetter(Math.floor(index / 26) - 1)) + String.fromCharCode(65 + (index % 26));

/**
 * Table[#All], Table[Column], Table[[A]:[B]], Table[@[A]:[B]], [@Column] and [@[Column name]] as A1
 * references; `at` is the table and 1-based sheet row a row's own references ([@…]) are in.
 */
export function structuredToA1(
  formula: string,
  tables: ReadonlyMap<string, TableShape>,
  at?: { table: string; row: number },
): string {
  const table = (name: string) => {
    const found = [...tables].find(([key]) => key.toLowerCase() === name.toLowerCase());
    if (!found) throw new Error(`No table ${name}`);
    return found[1];
  };
  const column = (name: string, header: string) => {
    const index = table(name).headers.findIndex((candidate) => candidate.toLowerCase() === header.toLowerCase());
    if (index < 0) throw new Error(`${name} has no column ${header}`);
    return columnLetter(index);
  };
  const sheet = (name: string) => `'${table(name).sheet}'!`;
  const last = (name: string) => table(name).rows + 1;
  return formula
    .replace(/(\w+)\[#All\]/g, (_, name: string) => {
      const { headers } = table(name);
      return `${sheet(name)}$A$1:$${columnLetter(headers.length - 1)}$${last(name)}`;
    })
    .replace(/(\w+)\[@\[([^\]]+)\]:\[([^\]]+)\]\]/g, (_, name: string, first: string, final: string) => {
      const row = at!.row;
      return `${sheet(name)}${column(name, first)}${row}:${column(name, final)}${row}`;
    })
    .replace(
      /(\w+)\[\[([^\]]+)\]:\[([^\]]+)\]\]/g,
      (_, name: string, first: string, final: string) =>
        `${sheet(name)}$${column(name, first)}$2:$${column(name, final)}$${last(name)}`,
    )
    .replace(/(\w+)\[([^\]@#[]+)\]/g, (_, name: string, header: string) => {
      const letter = column(name, header);
      return `${sheet(name)}$${letter}$2:$${letter}$${last(name)}`;
    })
    .replace(
      /\[@\[([^\]]+)\]\]|\[@(\w+)\]/g,
      (_, spaced: string | undefined, plain: string | undefined) =>
        `${column(at!.table, (spaced ?? plain)!)}${at!.row}`,
    );
}
