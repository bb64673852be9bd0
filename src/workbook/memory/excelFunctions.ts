// Excel's functions and operators where fast-formula-parser falls short. Functions it lacks (MATCH, MAX, LARGE,
// SORT, TAKE…) come from @formulajs/formulajs (MIT); the few dynamic-array functions neither library has (SORTBY,
// SEQUENCE, FILTER) are written here, small, and so are COUNTIFS, SUMIFS and their kin, whose criteria follow
// Excel's rules (criteria.ts), not formulajs's JavaScript comparisons.
// fast-formula-parser's operators take the first cell of an array and compare a blank with "" as unequal;
// Excel applies operators cell by cell (People[Points]*2 spills) and treats a blank as "", 0 or FALSE, so the
// operators are replaced on the parser's own hook; its INDEX loses the sheet of the range it indexes.
import {
  CHOOSECOLS,
  CHOOSEROWS,
  COUNTA,
  COUNTBLANK,
  DROP,
  HSTACK,
  LARGE,
  LOOKUP,
  MATCH,
  MAX,
  MAXA,
  MEDIAN,
  MIN,
  MINA,
  SMALL,
  SORT,
  SUBSTITUTE,
  SWITCH,
  TAKE,
  TEXTJOIN,
  UPPER,
  VALUE,
  VSTACK,
} from "@formulajs/formulajs";
import FormulaParser, { Argument, FormulaError, Operand, SheetFunction } from "fast-formula-parser";
import ReferenceFunctions from "fast-formula-parser/formulas/functions/reference";
import { Infix, Postfix, Prefix } from "fast-formula-parser/formulas/operators";
import { cellKeys, criterion, equalityKey } from "./criteria";
import { NO_SPILLED_ARRAY } from "./references";

type Grid = unknown[][];

/**
 * Functions taken from formulajs: the ones fast-formula-parser does not implement that workbooks commonly use.
 * Imported by name, so the build leaves the rest of formulajs out.
 */
const FROM_FORMULAJS: Record<string, (...args: unknown[]) => unknown> = {
  CHOOSECOLS,
  CHOOSEROWS,
  COUNTA,
  COUNTBLANK,
  DROP,
  HSTACK,
  LARGE,
  LOOKUP,
  MATCH,
  MAX,
  MAXA,
  MEDIAN,
  MIN,
  MINA,
  SMALL,
  SORT,
  SUBSTITUTE,
  SWITCH,
  TAKE,
  TEXTJOIN,
  UPPER,
  VALUE,
  VSTACK,
};

const isError = (value: unknown): value is Error => value instanceof Error;

/** A formulajs result as the parser holds values: its errors (plain Errors named by code) become FormulaErrors. */
function fromFormulajs(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(fromFormulajs);
  if (value instanceof FormulaError) return value;
  if (isError(value))
    return /^#[A-Z/0]+[!?A]?$/.test(value.message) ? new FormulaError(value.message) : FormulaError.VALUE;
  if (typeof value === "number" && !Number.isFinite(value)) return FormulaError.NUM;
  return value ?? FormulaError.VALUE;
}

function formulajsFunction(implementation: (...args: unknown[]) => unknown): SheetFunction {
  return (...args: Argument[]) =>
    fromFormulajs(implementation(...args.map((arg) => (arg.omitted ? undefined : arg.value))));
}

const asGrid = (value: unknown): Grid => (Array.isArray(value) ? (value as Grid) : [[value]]);

/** A one-row or one-column range as a list; anything else is a #VALUE!. */
function vector(value: unknown): unknown[] {
  const grid = asGrid(value);
  if (grid.every((row) => row.length === 1)) return grid.map((row) => row[0]);
  if (grid.length === 1) return grid[0];
  throw FormulaError.VALUE;
}

const number = (arg: Argument | undefined, fallback: number): number => {
  if (!arg || arg.omitted || arg.value === null) return fallback;
  const value = Array.isArray(arg.value) ? (arg.value as Grid)[0][0] : arg.value;
  if (value instanceof FormulaError) throw value;
  const parsed = typeof value === "boolean" ? Number(value) : Number(value);
  if (!Number.isFinite(parsed)) throw FormulaError.VALUE;
  return parsed;
};

/** Excel's sort order: numbers, then text (ignoring case), then logical values; errors and blanks last either way. */
function compareCells(a: unknown, b: unknown, order: number): number {
  const last = (value: unknown) => (value === null || value === "" ? 2 : value instanceof FormulaError ? 1 : 0);
  if (last(a) !== last(b) || last(a) > 0) return last(a) - last(b);
  const rank = (value: unknown) => (typeof value === "number" ? 0 : typeof value === "string" ? 1 : 2);
  if (rank(a) !== rank(b)) return (rank(a) - rank(b)) * order;
  if (typeof a === "string" && typeof b === "string") return a.localeCompare(b, "en", { sensitivity: "base" }) * order;
  return (Number(a) - Number(b)) * order;
}

/** SORTBY(array, by_array1, [sort_order1], …): rows (or columns) sorted by other arrays, stably. */
function sortBy(array: Argument, ...criteria: Argument[]): unknown {
  const grid = asGrid(array.value);
  const keys: { values: unknown[]; order: number }[] = [];
  for (let at = 0; at < criteria.length; at += 2) {
    const order = number(criteria[at + 1], 1);
    if (order !== 1 && order !== -1) return FormulaError.VALUE;
    keys.push({ values: vector(criteria[at].value), order });
  }
  const byColumns =
    grid.length === 1 && keys.every((key) => key.values.length === grid[0].length && grid[0].length > 1);
  const count = byColumns ? grid[0].length : grid.length;
  if (keys.length === 0 || keys.some((key) => key.values.length !== count)) return FormulaError.VALUE;
  const order = [...Array(count).keys()].sort((a, b) => {
    for (const key of keys) {
      const compared = compareCells(key.values[a], key.values[b], key.order);
      if (compared !== 0) return compared;
    }
    return a - b;
  });
  return byColumns ? [order.map((index) => grid[0][index])] : order.map((index) => grid[index]);
}

/** SEQUENCE(rows, [columns], [start], [step]). */
function sequence(rows: Argument, columns?: Argument, start?: Argument, step?: Argument): unknown {
  const [height, width, first, by] = [number(rows, 1), number(columns, 1), number(start, 1), number(step, 1)];
  if (height < 1 || width < 1) return new FormulaError("#CALC!", "SEQUENCE needs at least one row and one column");
  return Array.from({ length: Math.trunc(height) }, (_, row) =>
    Array.from({ length: Math.trunc(width) }, (_, column) => first + (row * Math.trunc(width) + column) * by),
  );
}

/** FILTER(array, include, [if_empty]): the rows (or columns) whose include cell is true or a non-zero number. */
function filter(array: Argument, include: Argument, ifEmpty?: Argument): unknown {
  const grid = asGrid(array.value);
  const keep = vector(include.value);
  const byColumns = grid.length === 1 && keep.length === grid[0].length && grid[0].length > 1;
  if ((byColumns ? grid[0].length : grid.length) !== keep.length) return FormulaError.VALUE;
  const error = keep.find((cell) => cell instanceof FormulaError);
  if (error) return error;
  const kept = keep.map((cell) => cell === true || (typeof cell === "number" && cell !== 0));
  const result = byColumns ? [grid[0].filter((_, at) => kept[at])] : grid.filter((_, at) => kept[at]);
  if (result.length > 0 && result[0].length > 0) return result;
  if (ifEmpty && !ifEmpty.omitted) return ifEmpty.value;
  return new FormulaError("#CALC!", "FILTER found nothing to return");
}

/**
 * ROUND(number, digits), half away from zero on the number as Excel shows it (15 significant digits): 2.675 → 2.68,
 * −319.2000000000007 → −319.2. (fast-formula-parser's own gives −0 for 0 and takes only an array's first cell.)
 */
function round(value: Argument, digits: Argument): unknown {
  const [x, places] = [number(value, 0), Math.trunc(number(digits, 0))];
  const factor = 10 ** Math.abs(places);
  const scaled = places >= 0 ? Math.abs(x) * factor : Math.abs(x) / factor;
  const rounded = Math.round(Number(scaled.toPrecision(15)));
  const result = places >= 0 ? rounded / factor : rounded * factor;
  return x < 0 && result !== 0 ? -result : result;
}

/** A function applied to each cell of an array given as its first argument, as Excel applies ROUND to a column. */
function eachCell(implementation: SheetFunction): SheetFunction {
  return (first: Argument, ...rest: Argument[]) => {
    const one = (cell: unknown) => {
      if (cell instanceof FormulaError) return cell;
      try {
        return implementation({ ...first, value: cell, isArray: false, isRangeRef: false }, ...rest);
      } catch (error) {
        if (error instanceof FormulaError) return error;
        throw error;
      }
    };
    return Array.isArray(first.value) ? asGrid(first.value).map((row) => row.map(one)) : one(first.value);
  };
}

const flat = (value: unknown): unknown[] => asGrid(value).flat();

/** A range of a criteria function with its criterion: one for every row, or an array of them (one result each). */
type Pair =
  | { readonly cells: unknown[]; readonly meets: (cell: unknown) => boolean }
  | { readonly cells: unknown[]; readonly array: Grid; index?: Map<string, number[]> };

/**
 * COUNTIFS, SUMIFS and their kin: `finish` is given the rows that meet every criterion (range, criterion, range,
 * criterion… from argument `from`) and the values to aggregate (SUMIFS's first argument). Given a range or an array
 * as a criterion they give one result per criterion cell, as Excel does (exceljet.net/formulas/count-total-matches-
 * in-two-ranges): =SUMPRODUCT(PlanLines[Annual cost]*COUNTIFS(Plans[Plan ID],PlanLines[Plan ID],…)) counts, for
 * each line, the plans it belongs to; a single row or column among several criterion arrays is repeated, as Excel's
 * operators repeat it. The ranges are read and the single criteria tested once; a criterion array asking for
 * equality looks each cell up in an index of its range, so a join of two columns of n rows takes about n steps, not n².
 */
function criteriaFunction(
  from: number,
  finish: (rows: readonly number[], values: unknown[] | null) => unknown,
): SheetFunction {
  return (...args: Argument[]) => {
    const values = from === 1 ? flat(args[0].value) : null;
    const pairArgs = args.slice(from);
    if (pairArgs.length === 0 || pairArgs.length % 2 !== 0) return FormulaError.VALUE;
    const pairs: Pair[] = [];
    for (let at = 0; at < pairArgs.length; at += 2) {
      const cells = flat(pairArgs[at].value);
      const value = pairArgs[at + 1]?.value;
      if (Array.isArray(value) && flat(value).length > 1) pairs.push({ cells, array: asGrid(value) });
      else pairs.push({ cells, meets: criterion(Array.isArray(value) ? asGrid(value)[0][0] : value) });
    }
    const length = pairs[0].cells.length;
    if (pairs.some(({ cells }) => cells.length !== length) || (values && values.length !== length)) {
      return FormulaError.VALUE;
    }
    const base: number[] = [];
    for (let row = 0; row < length; row++) {
      if (pairs.every((pair) => !("meets" in pair) || pair.meets(pair.cells[row]))) base.push(row);
    }
    const arrays = pairs.filter((pair): pair is Extract<Pair, { array: Grid }> => "array" in pair);
    if (arrays.length === 0) return finish(base, values);
    const inBase = new Uint8Array(length);
    for (const row of base) inBase[row] = 1;
    const rows = Math.max(...arrays.map(({ array }) => array.length));
    const columns = Math.max(...arrays.map(({ array }) => array[0].length));
    const cellOf = (grid: Grid, row: number, column: number) => {
      const r = grid.length === 1 ? 0 : row;
      const c = grid[0].length === 1 ? 0 : column;
      return r < grid.length && c < grid[r].length ? grid[r][c] : FormulaError.NA;
    };
    /** The rows of a range meeting an equality key, indexed once. */
    const lookUp = (pair: Extract<Pair, { array: Grid }>, key: string) => {
      if (!pair.index) {
        pair.index = new Map();
        pair.cells.forEach((cell, row) => {
          if (inBase[row])
            for (const cellKey of cellKeys(cell)) pair.index!.set(cellKey, [...(pair.index!.get(cellKey) ?? []), row]);
        });
      }
      return pair.index.get(key) ?? [];
    };
    return Array.from({ length: rows }, (_, row) =>
      Array.from({ length: columns }, (_, column) => {
        let meeting: readonly number[] | null = null;
        for (const pair of arrays) {
          const value = cellOf(pair.array, row, column);
          const key = equalityKey(value);
          if (key !== undefined) {
            const found = lookUp(pair, key);
            meeting = meeting === null ? found : intersect(meeting, found);
          } else {
            const meets = criterion(value);
            meeting = (meeting ?? base).filter((at) => meets(pair.cells[at]));
          }
        }
        const result = finish(meeting ?? base, values);
        return Array.isArray(result) ? asGrid(result)[0][0] : result;
      }),
    );
  };
}

/** Rows in both ascending lists. */
function intersect(a: readonly number[], b: readonly number[]): number[] {
  const inB = new Set(b);
  return a.filter((row) => inB.has(row));
}

/**
 * SUMIFS, AVERAGEIFS, MAXIFS and MINIFS: only the values of rows that meet every criterion count, as in Excel;
 * an error in a row the criteria leave out (a person who cannot be priced, say) is skipped.
 */
function ifs(aggregate: (numbers: number[]) => unknown): SheetFunction {
  return criteriaFunction(1, (rows, values) => {
    const numbers: number[] = [];
    for (const row of rows) {
      const cell = values![row];
      if (cell instanceof FormulaError) return cell;
      if (typeof cell === "number") numbers.push(cell);
    }
    return aggregate(numbers);
  });
}

type Reference = { ref: { sheet?: string } };
const isReference = (value: unknown): value is Reference =>
  typeof value === "object" && value !== null && "ref" in value;

/**
 * fast-formula-parser's INDEX, keeping the sheet of the range it indexes (it returns a cell on the formula's own); an
 * error given for the range (a spill reference to no spilled array) is the result, as in Excel.
 */
function index(context: unknown, range: unknown, ...rest: unknown[]): unknown {
  if (range instanceof FormulaError) return range;
  const result = ReferenceFunctions.INDEX(context, range, ...rest);
  if (isReference(result) && isReference(range) && result.ref.sheet === undefined) result.ref.sheet = range.ref.sheet;
  return result;
}

/** ROWS of a reference, of an array a function gave, or of an error (the error, as in Excel). */
function rows(context: unknown, value: unknown): unknown {
  if (value instanceof FormulaError) return value;
  if (Array.isArray(value)) return value.length;
  return ReferenceFunctions.ROWS(context, value);
}

/** The functions the in-memory workbook adds to fast-formula-parser's own, or puts in place of its own. */
export function excelFunctions(): Record<string, SheetFunction> {
  const functions: Record<string, SheetFunction> = {
    INDEX: index,
    ROWS: rows,
    SORTBY: sortBy,
    SEQUENCE: sequence,
    FILTER: filter,
    ROUND: eachCell(round),
    [NO_SPILLED_ARRAY]: (reference: Argument) =>
      new FormulaError("#REF!", `${String(reference.value)} refers to a cell that holds no spilled array`),
    SUMIFS: ifs((numbers) => numbers.reduce((sum, number) => sum + number, 0)),
    AVERAGEIFS: ifs((numbers) =>
      numbers.length === 0 ? FormulaError.DIV0 : numbers.reduce((sum, number) => sum + number, 0) / numbers.length,
    ),
    MAXIFS: ifs((numbers) => (numbers.length === 0 ? 0 : Math.max(...numbers))),
    MINIFS: ifs((numbers) => (numbers.length === 0 ? 0 : Math.min(...numbers))),
  };
  for (const [name, implementation] of Object.entries(FROM_FORMULAJS))
    functions[name] = formulajsFunction(implementation);
  functions.COUNTIFS = criteriaFunction(0, (rows) => rows.length);
  return functions;
}

/** Excel's blank: "" against text, FALSE against a logical value, 0 otherwise. */
const blankAs = (other: unknown) => (typeof other === "string" ? "" : typeof other === "boolean" ? false : 0);

function scalarInfix(left: unknown, infix: string, right: unknown): unknown {
  if (left instanceof FormulaError) return left;
  if (right instanceof FormulaError) return right;
  if (infix === "&") return Infix.concatOp(left, infix, right, false, false);
  if (["+", "-", "*", "/", "^"].includes(infix)) return Infix.mathOp(left, infix, right, false, false);
  const a = left === null ? blankAs(right) : left;
  const b = right === null ? blankAs(left) : right;
  // Excel compares text ignoring case.
  if (typeof a === "string" && typeof b === "string")
    return Infix.compareOp(a.toLowerCase(), infix, b.toLowerCase(), false, false);
  return Infix.compareOp(a, infix, b, false, false);
}

/** Applies an operation cell by cell, as Excel does: a single row or column is repeated; past an array's end, #N/A. */
function cellByCell(left: Grid, right: Grid, apply: (a: unknown, b: unknown) => unknown): Grid {
  const rows = Math.max(left.length, right.length);
  const columns = Math.max(left[0]?.length ?? 0, right[0]?.length ?? 0);
  const at = (grid: Grid, row: number, column: number) => {
    const r = grid.length === 1 ? 0 : row;
    const c = grid[0].length === 1 ? 0 : column;
    return r < grid.length && c < grid[r].length ? grid[r][c] : FormulaError.NA;
  };
  return Array.from({ length: rows }, (_, row) =>
    Array.from({ length: columns }, (_, column) => apply(at(left, row, column), at(right, row, column))),
  );
}

/** Puts Excel's cell-by-cell operators on a parser. */
export function useExcelOperators(parser: FormulaParser): void {
  const utils = parser.utils;
  utils._applyInfix = (left: Operand, infix: string, right: Operand) =>
    Array.isArray(left.val) || Array.isArray(right.val)
      ? cellByCell(asGrid(left.val), asGrid(right.val), (a, b) => scalarInfix(a, infix, b))
      : scalarInfix(left.val, infix, right.val);
  utils._applyPrefix = (prefixes: string[], value: unknown) =>
    Array.isArray(value)
      ? asGrid(value).map((row) =>
          row.map((cell) => (cell instanceof FormulaError ? cell : Prefix.unaryOp(prefixes, cell, false))),
        )
      : value instanceof FormulaError
        ? value
        : Prefix.unaryOp(prefixes, value, false);
  utils._applyPostfix = (value: unknown, _isArray: boolean, postfix: string) =>
    Array.isArray(value)
      ? asGrid(value).map((row) =>
          row.map((cell) => (cell instanceof FormulaError ? cell : Postfix.percentOp(cell, postfix, false))),
        )
      : value instanceof FormulaError
        ? value
        : Postfix.percentOp(value, postfix, false);
}
