// CSV text as councils' ledgers and payments systems export it: RFC 4180 (quoted fields may hold commas, line
// breaks and doubled quotes) plus what real exports do — a byte-order mark, Windows (CRLF), Unix (LF) or old Mac
// (CR) line ends, blank lines, and a semicolon or tab instead of a comma where the system's locale uses one.
import { invalid } from "./errors";

/** One record of the file: its fields as text, and its row as a spreadsheet numbers it (1 is the header). */
export interface CsvRow {
  readonly row: number;
  readonly fields: readonly string[];
}

const BOM = "\uFEFF";
const QUOTE = '"';
const SEPARATORS = [",", ";", "\t"] as const;

/** The separator of the first line, outside quotes: the most frequent of comma, semicolon and tab (comma on a tie). */
function separatorOf(text: string): string {
  const counts = new Map<string, number>(SEPARATORS.map((separator) => [separator, 0]));
  let quoted = false;
  for (const character of text) {
    if (character === QUOTE) quoted = !quoted;
    else if (!quoted && (character === "\n" || character === "\r")) break;
    else if (!quoted && counts.has(character)) counts.set(character, counts.get(character)! + 1);
  }
  let best: string = ",";
  for (const separator of SEPARATORS) if (counts.get(separator)! > counts.get(best)!) best = separator;
  return best;
}

/**
 * Reads CSV text into rows of fields. Rows with nothing in them are skipped (their row number still counts, as in
 * a spreadsheet). A quote opened and never closed is refused, naming the row it opened on, since everything after
 * it would otherwise be read as one field.
 */
export function parseCsv(input: string): CsvRow[] {
  const text = input.startsWith(BOM) ? input.slice(1) : input;
  const separator = separatorOf(text);
  const rows: CsvRow[] = [];
  let fields: string[] = [];
  let field = "";
  let row = 1;
  let rowStart = 1;
  let quoted = false;
  let quotedFrom = 0;
  let at = 0;

  const endField = () => {
    fields.push(field);
    field = "";
  };
  const endRow = () => {
    endField();
    if (fields.some((value) => value.trim() !== "")) rows.push({ row: rowStart, fields });
    fields = [];
    row++;
    rowStart = row;
  };

  while (at < text.length) {
    const character = text[at];
    if (quoted) {
      if (character === QUOTE) {
        if (text[at + 1] === QUOTE) {
          field += QUOTE;
          at += 2;
          continue;
        }
        quoted = false;
      } else {
        field += character;
      }
      at++;
      continue;
    }
    if (character === QUOTE && field.trim() === "") {
      // A quoted field; spaces before its opening quote are dropped, as Excel does.
      field = "";
      quoted = true;
      quotedFrom = rowStart;
    } else if (character === separator) {
      endField();
    } else if (character === "\r" || character === "\n") {
      endRow();
      if (character === "\r" && text[at + 1] === "\n") at++;
    } else {
      field += character;
    }
    at++;
  }
  if (quoted) {
    throw invalid(
      `Row ${quotedFrom} opens a quoted field (") that is never closed, so the rest of the file cannot be read: ` +
        "check that row in the file",
    );
  }
  // A file ending in a line break ends with an empty row, which endRow leaves out.
  endRow();
  return rows;
}
