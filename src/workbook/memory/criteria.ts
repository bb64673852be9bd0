// A criterion of COUNTIFS, SUMIFS and their kin, as Excel reads one (support.microsoft.com: "COUNTIFS function",
// "Using wildcard characters in searches"): text is compared ignoring case, with * ? and ~ as wildcards after = and
// <>; "<", "<=", ">" and ">=" before a number meet numbers only, never a blank or text; "=" alone meets blank cells,
// "<>" alone every other cell; a criterion that is a blank cell is 0. formulajs compares with JavaScript's
// operators instead, where a blank is 0 for "<=46477" and "Agreed" is not "agreed".
import FormulaError from "fast-formula-parser/formulas/error";

type Comparison = "=" | "<>" | "<" | "<=" | ">" | ">=";
const OPERATORS: readonly Comparison[] = ["<=", ">=", "<>", "<", ">", "="];

const isBlank = (cell: unknown) => cell === null || cell === undefined || cell === "";

/** A number as Excel reads one typed in a criterion: "46477", "-2.5", "1e3"; anything else is undefined. */
export function numberIn(text: string): number | undefined {
  const trimmed = text.trim();
  if (trimmed === "" || !/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(trimmed)) return undefined;
  return Number(trimmed);
}

/** A cell as a number for a numeric criterion: a number, or text that is one (Excel matches "5" with 5). */
const numericCell = (cell: unknown): number | undefined =>
  typeof cell === "number" ? cell : typeof cell === "string" ? numberIn(cell) : undefined;

/** Text with Excel's wildcards as a whole-text regular expression, ignoring case. */
function wildcardPattern(text: string): RegExp {
  let pattern = "";
  for (let at = 0; at < text.length; at++) {
    const char = text[at];
    if (char === "~" && at + 1 < text.length && "*?~".includes(text[at + 1])) {
      pattern += text[++at].replace(/[*?~]/, (escaped) => `\\${escaped}`);
    } else if (char === "*") pattern += "[\\s\\S]*";
    else if (char === "?") pattern += "[\\s\\S]";
    else pattern += char.replace(/[.+^${}()|[\]\\/-]/g, "\\$&");
  }
  return new RegExp(`^${pattern}$`, "i");
}

function compare(order: number, operator: Comparison): boolean {
  switch (operator) {
    case "=":
      return order === 0;
    case "<>":
      return order !== 0;
    case "<":
      return order < 0;
    case "<=":
      return order <= 0;
    case ">":
      return order > 0;
    case ">=":
      return order >= 0;
  }
}

/** Whether a cell meets a criterion: the test, made once for every cell of the range. */
export function criterion(value: unknown): (cell: unknown) => boolean {
  if (value instanceof FormulaError) {
    return (cell) => cell instanceof FormulaError && cell.error === value.error;
  }
  if (isBlank(value) && typeof value !== "string") return (cell) => numericCell(cell) === 0;
  if (typeof value === "number") return (cell) => numericCell(cell) === value;
  if (typeof value === "boolean") return (cell) => cell === value;
  if (typeof value !== "string") return () => false;
  const text = value;
  const operator = OPERATORS.find((candidate) => text.startsWith(candidate));
  const operand = operator ? text.slice(operator.length) : text;
  const comparison: Comparison = operator ?? "=";
  if (operand === "") {
    // "=" and "" meet blank cells; "<>" every cell that is not blank.
    if (comparison === "=") return isBlank;
    if (comparison === "<>") return (cell) => !isBlank(cell);
    return () => false;
  }
  const number = numberIn(operand);
  if (number !== undefined) {
    if (comparison === "<>") return (cell) => numericCell(cell) !== number;
    return (cell) => {
      const cellNumber = numericCell(cell);
      return cellNumber !== undefined && typeof cell === "number"
        ? compare(Math.sign(cellNumber - number), comparison)
        : comparison === "=" && cellNumber === number;
    };
  }
  const logical = /^(true|false)$/i.test(operand) ? operand.toLowerCase() === "true" : undefined;
  if (logical !== undefined) {
    return comparison === "<>" ? (cell) => cell !== logical : (cell) => comparison === "=" && cell === logical;
  }
  if (comparison === "=" || comparison === "<>") {
    const pattern = wildcardPattern(operand);
    const meets = (cell: unknown) => typeof cell === "string" && pattern.test(cell);
    return comparison === "=" ? meets : (cell) => !meets(cell);
  }
  const lower = operand.toLowerCase();
  return (cell) =>
    typeof cell === "string" &&
    compare(cell.toLowerCase() < lower ? -1 : cell.toLowerCase() > lower ? 1 : 0, comparison);
}

/**
 * What a criterion that only asks for equality matches, as a key ("s:agreed", "n:5"), so a range can be indexed
 * once and looked up for each cell of a criterion array; undefined for any other criterion (an operator, a
 * wildcard, a logical value, an error, a blank), which is tested cell by cell.
 */
export function equalityKey(value: unknown): string | undefined {
  if (typeof value === "number") return `n:${value}`;
  if (typeof value !== "string" || value === "" || /^[<>=]|[*?~]/.test(value)) return undefined;
  if (/^(true|false)$/i.test(value.trim())) return undefined;
  const number = numberIn(value);
  return number === undefined ? `s:${value.toLowerCase()}` : `n:${number}`;
}

/** The equality keys a cell meets: its text ignoring case, and its number (a number, or text that is one). */
export function cellKeys(cell: unknown): string[] {
  if (typeof cell === "number") return [`n:${cell}`];
  if (typeof cell !== "string") return [];
  const number = numberIn(cell);
  return number === undefined ? [`s:${cell.toLowerCase()}`] : [`s:${cell.toLowerCase()}`, `n:${number}`];
}
