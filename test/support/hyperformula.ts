// Runs the PB functions inside HyperFormula, a real spreadsheet engine (dev-only stand-in for Excel's
// calculation). Each function is registered from functions.json as the build writes it (generated from
// the JSDoc, with the build's metadata settings), so the sheet sees exactly the ids, parameters and
// shapes Excel would; arguments arrive as Excel passes them:
// - an error cell reaches the function as a CustomFunctions.Error only when functions.json sets
//   allowErrorForDataTypeAny; otherwise the whole call gives the first error, as Excel does
//   (learn.microsoft.com/office/dev/add-ins/excel/custom-functions-json#allowerrorfordatatypeany);
// - a blank cell arrives as null (Excel on the web, for a single cell) or, with `blanksAs: 0`, as 0
//   (Excel for Windows; and ranges: OfficeDev/office-js#4702, #5262, #1951).
import {
  ArraySize,
  CellError,
  EmptyValue,
  ErrorType,
  FunctionArgumentType,
  FunctionPlugin,
  HyperFormula,
  SimpleRangeValue,
} from "hyperformula";
import { REPRICING_HEADER } from "../../src/engine";
import * as PB from "../../src/functions/functions";
import { builtFunctions } from "./functionsMetadata";

interface ParameterMetadata {
  name: string;
  dimensionality?: string;
  optional?: boolean;
}
interface FunctionMetadata {
  id: string;
  parameters: ParameterMetadata[];
}
interface Metadata {
  allowErrorForDataTypeAny?: boolean;
  functions: FunctionMetadata[];
}

/** Excel's name for each of HyperFormula's errors. */
const EXCEL_ERROR: Partial<Record<ErrorType, string>> = {
  [ErrorType.DIV_BY_ZERO]: "#DIV/0!",
  [ErrorType.NA]: "#N/A",
  [ErrorType.NAME]: "#NAME?",
  [ErrorType.NUM]: "#NUM!",
  [ErrorType.REF]: "#REF!",
  [ErrorType.VALUE]: "#VALUE!",
  [ErrorType.SPILL]: "#SPILL!",
};
/** HyperFormula's error for each error a custom function can give back. */
const SHEET_ERROR: Record<string, ErrorType> = {
  "#N/A": ErrorType.NA,
  "#DIV/0!": ErrorType.DIV_BY_ZERO,
  "#NUM!": ErrorType.NUM,
};

/** An error cell as Excel passes it to a custom function that accepts errors. */
const excelErrorOf = (error: CellError) =>
  new CustomFunctions.Error(
    (EXCEL_ERROR[error.type] ?? "#VALUE!") as CustomFunctions.ErrorCode,
    error.message === "" ? undefined : error.message,
  );

type Size = { width: number; height: number };
const isSingle = (size: Size) => size.width === 1 && size.height === 1;
/** The shape of per-person results: the first argument given as a range, else one cell. */
const perPersonSize = (sizes: (Size | undefined)[]): [number, number] => {
  const range = sizes.find((size) => size && !isSingle(size));
  return range ? [range.width, range.height] : [1, 1];
};
/** Rows of people: a single column of several cells is one person. */
const peopleSize = (people: Size, singleColumnIsOnePerson: boolean): [number, number] => [
  1,
  singleColumnIsOnePerson && people.width === 1 && people.height > 1 ? 1 : people.height,
];

/**
 * REPRICE's rows depend on the data (care groups with someone priced; "Not priced" only when someone
 * is not), but HyperFormula fixes a formula's size once, when it parses it, and never re-predicts it
 * when the data change: evaluating the arguments there would size the result for the data of that
 * moment (or fail on cells not yet calculated). So the size is the most the summary can ever need —
 * the header, one row per value column of the current table (one for a single number), Total and Not
 * priced — and HyperFormula fills the rows a smaller summary leaves with empty cells. Excel itself
 * sizes a spill after calculating, so there the spill is exactly the summary.
 */
const repriceSize = ([, currentTable]: Size[]): [number, number] => [
  REPRICING_HEADER.length,
  3 + Math.max(1, currentTable.width - 1),
];

/**
 * RAS_FIT: the header, a row per value column of the table when it has several (one per care group), All and Not
 * used. CALIBRATE: a row per bound under the header, and a column per care group in the order they first appear,
 * which only the data can say: as many as the care-group column has cells at most (one without it).
 */
const rasFitSize = ([, , priceTable]: Size[]): [number, number] => [
  7,
  3 + (priceTable.width - 1 > 1 ? priceTable.width - 1 : 0),
];
const calibrateSize = ([, , bounds, careGroup]: Size[]): [number, number] => [
  1 + (careGroup ? careGroup.height * careGroup.width : 1),
  1 + Math.max(bounds.width, bounds.height),
];

/** Result sizes, predicted from argument sizes before evaluation as HyperFormula requires for arrays. */
const RESULT_SIZE: Record<string, (sizes: Size[]) => [number, number]> = {
  RAS_POINTS: ([answers, scoring, questions]) =>
    peopleSize(answers, (questions ? Math.max(questions.width, questions.height) : scoring.height - 1) !== 1),
  INDICATIVE_BUDGET: ([points, , careGroup, reduction]) => perPersonSize([points, careGroup, reduction]),
  RAS_EXPLAIN: ([points, , careGroup, reduction]) => perPersonSize([points, careGroup, reduction]),
  PLAN_TOLERANCE: ([planCost, indicative]) => perPersonSize([planCost, indicative]),
  CARER_CATEGORY: ([scores]) => peopleSize(scores, true),
  OUTCOME_CATEGORY: ([scores]) => peopleSize(scores, true),
  PLAN_COST: () => [1, 1],
  REPRICE: repriceSize,
  IN_YEAR_COST: ([annual, start, end]) => perPersonSize([annual, start, end]),
  RAS_FIT: rasFitSize,
  CALIBRATE: calibrateSize,
  DP_SURPLUS: ([balance, annual]) => perPersonSize([balance, annual]),
};

/** How a blank cell reaches the functions: null (Excel on the web, one cell) or 0 (Excel for Windows). */
type Blank = null | 0;

const plainCell = (value: unknown, blank: Blank): unknown => {
  if (value === EmptyValue) return blank;
  if (value instanceof CellError) return excelErrorOf(value);
  if (typeof value === "object" && value !== null && "val" in value) return value.val;
  return value;
};

function excelArgument(value: unknown, parameter: ParameterMetadata, blank: Blank): unknown {
  if (value === undefined) return null;
  if (parameter.dimensionality === "matrix") {
    return value instanceof SimpleRangeValue
      ? value.data.map((row) => row.map((cell) => plainCell(cell, blank)))
      : [[plainCell(value, blank)]];
  }
  return plainCell(value, blank);
}

/** The first error among the arguments, in a range or on its own. */
function firstError(values: unknown[]): CellError | undefined {
  for (const value of values) {
    if (value instanceof CellError) return value;
    if (value instanceof SimpleRangeValue) {
      const inRange = value.data.flat().find((cell) => cell instanceof CellError);
      if (inRange instanceof CellError) return inRange;
    }
  }
  return undefined;
}

function sheetValue(value: unknown): unknown {
  if (value instanceof CustomFunctions.Error) {
    return new CellError(SHEET_ERROR[value.code] ?? ErrorType.VALUE, value.message);
  }
  return value;
}

/** functions.json as the build writes it: generated from the JSDoc, with the build's settings. */
export async function builtMetadata(): Promise<{
  metadata: Metadata;
  associate: { id: string; functionName: string }[];
}> {
  const generated = await builtFunctions();
  return { metadata: JSON.parse(generated.metadataJson) as Metadata, associate: [...generated.associate] };
}

/**
 * Registers every function of functions.json as PB.<id>; fails if the generator reports any error.
 * `blanksAs` is how a blank cell arrives: null by default, 0 to calculate as Excel for Windows does.
 */
export async function registerPBFunctions(options: { blanksAs?: Blank } = {}): Promise<void> {
  const blank = options.blanksAs ?? null;
  const built = await builtMetadata();
  const { functions } = built.metadata;
  const errorsReachFunctions = built.metadata.allowErrorForDataTypeAny === true;
  const implementations = new Map(
    built.associate.map((entry) => [
      entry.id,
      (PB as Record<string, unknown>)[entry.functionName] as (...args: unknown[]) => unknown,
    ]),
  );

  /** The parts of HyperFormula's FunctionPlugin the registered methods call (protected in its types). */
  interface PluginInternals {
    runFunction(args: unknown[], state: unknown, metadata: unknown, run: (...values: unknown[]) => unknown): unknown;
    metadata(name: string): unknown;
    arraySizeForAst(ast: unknown, state: unknown): Size;
  }
  type Call = { args: unknown[] };

  class PBPlugin extends FunctionPlugin {}
  const plugin = PBPlugin as unknown as {
    implementedFunctions: Record<string, unknown>;
    prototype: Record<string, unknown>;
  };
  plugin.implementedFunctions = {};
  const translations: Record<string, string> = {};

  for (const metadata of functions) {
    const name = `PB.${metadata.id}`;
    const implementation = implementations.get(metadata.id)!;
    plugin.implementedFunctions[name] = {
      method: `call_${metadata.id}`,
      sizeOfResultArrayMethod: `size_${metadata.id}`,
      vectorizationForbidden: true,
      parameters: metadata.parameters.map((parameter) => ({
        argumentType: FunctionArgumentType.ANY,
        optionalArg: parameter.optional ?? false,
      })),
    };
    translations[name] = name;

    plugin.prototype[`call_${metadata.id}`] = function (this: PluginInternals, ast: Call, state: unknown) {
      return this.runFunction(ast.args, state, this.metadata(name), (...values: unknown[]) => {
        const error = errorsReachFunctions ? undefined : firstError(values);
        if (error) return error;
        let result: unknown;
        try {
          result = implementation(
            ...metadata.parameters.map((parameter, index) => excelArgument(values[index], parameter, blank)),
          );
        } catch (thrown) {
          result = thrown;
        }
        const sizer = this as unknown as Record<string, (ast: unknown, state: unknown) => ArraySize>;
        const reserved = sizer[`size_${metadata.id}`](ast, state);
        // One value where an array was reserved (a whole call's error, a price table that cannot be read): Excel
        // shows it in one cell; HyperFormula fails on a formula reading the block it reserved ("Unknown array"),
        // so the value fills the block, and every cell read there is that value, as the one cell is in Excel.
        const single = !Array.isArray(result) || (result.length === 1 && (result[0] as unknown[]).length === 1);
        if (single) {
          const value = sheetValue(Array.isArray(result) ? (result[0] as unknown[])[0] : result);
          if (reserved.isScalar()) return value;
          return SimpleRangeValue.onlyValues(
            Array.from({ length: reserved.height }, () => Array<unknown>(reserved.width).fill(value)) as never,
          );
        }
        const rows = result as unknown[][];
        // HyperFormula cannot hold a result larger than it reserved (it throws); say so in the cell.
        if (!reserved.isScalar() && (rows.length > reserved.height || rows[0].length > reserved.width)) {
          const got = `${rows.length}×${rows[0].length}`;
          return new CellError(
            ErrorType.SPILL,
            `${name} gave ${got} cells; ${reserved.height}×${reserved.width} were reserved`,
          );
        }
        return SimpleRangeValue.onlyValues(rows.map((row) => row.map(sheetValue)) as never);
      });
    };
    plugin.prototype[`size_${metadata.id}`] = function (this: PluginInternals, ast: Call, state: unknown) {
      const sizes = ast.args.map((arg) => this.arraySizeForAst(arg, state));
      const [width, height] = RESULT_SIZE[metadata.id](sizes);
      return width === 1 && height === 1 ? ArraySize.scalar() : new ArraySize(width, height);
    };
  }
  HyperFormula.registerFunctionPlugin(PBPlugin, { enGB: translations });
}
