// Runs the PB functions inside HyperFormula, a real spreadsheet engine (dev-only stand-in for Excel's
// calculation). Each function is registered from the generated functions.json, so the sheet sees
// exactly the ids, parameters and shapes Excel would; arguments arrive as Excel passes them.
import { generateCustomFunctionsMetadata } from "custom-functions-metadata";
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

const FUNCTIONS_SOURCE = "src/functions/functions.ts";

interface ParameterMetadata {
  name: string;
  dimensionality?: string;
  optional?: boolean;
}
interface FunctionMetadata {
  id: string;
  parameters: ParameterMetadata[];
}

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
};

const plainCell = (value: unknown): unknown => {
  if (value === EmptyValue) return null;
  if (typeof value === "object" && value !== null && "val" in value) return (value as { val: unknown }).val;
  return value;
};

function excelArgument(value: unknown, parameter: ParameterMetadata): unknown {
  if (value === undefined) return null;
  if (parameter.dimensionality === "matrix") {
    return value instanceof SimpleRangeValue ? value.data.map((row) => row.map(plainCell)) : [[plainCell(value)]];
  }
  return plainCell(value);
}

function sheetValue(value: unknown): unknown {
  if (value instanceof CustomFunctions.Error) {
    return new CellError(
      value.code === CustomFunctions.ErrorCode.notAvailable ? ErrorType.NA : ErrorType.VALUE,
      value.message,
    );
  }
  return value;
}

/** Registers every function of functions.json as PB.<id>; fails if the generator reports any error. */
export async function registerPBFunctions(): Promise<void> {
  const generated = await generateCustomFunctionsMetadata(FUNCTIONS_SOURCE);
  if (generated.errors.length > 0)
    throw new Error(`functions.json could not be generated: ${generated.errors.join("; ")}`);
  const functions = (JSON.parse(generated.metadataJson) as { functions: FunctionMetadata[] }).functions;
  const implementations = new Map(
    generated.associate.map((entry) => [
      entry.id,
      (PB as Record<string, unknown>)[entry.functionName] as (...args: unknown[]) => unknown,
    ]),
  );

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

    plugin.prototype[`call_${metadata.id}`] = function (this: any, ast: any, state: any) {
      return this.runFunction(ast.args, state, this.metadata(name), (...values: unknown[]) => {
        const error = values.find((value) => value instanceof CellError);
        if (error) return error;
        try {
          const result = implementation(
            ...metadata.parameters.map((parameter, index) => excelArgument(values[index], parameter)),
          );
          if (!Array.isArray(result)) return sheetValue(result);
          if (result.length === 1 && result[0].length === 1) return sheetValue(result[0][0]);
          // HyperFormula cannot hold a result larger than it reserved (it throws); say so in the cell.
          const rows = result as unknown[][];
          const sizer = this as Record<string, (ast: unknown, state: unknown) => ArraySize>;
          const reserved = sizer[`size_${metadata.id}`](ast, state);
          if (!reserved.isScalar() && (rows.length > reserved.height || rows[0].length > reserved.width)) {
            const got = `${rows.length}×${rows[0].length}`;
            return new CellError(
              ErrorType.SPILL,
              `${name} gave ${got} cells; ${reserved.height}×${reserved.width} were reserved`,
            );
          }
          return SimpleRangeValue.onlyValues(result.map((row: unknown[]) => row.map(sheetValue)) as never);
        } catch (thrown) {
          return sheetValue(thrown);
        }
      });
    };
    plugin.prototype[`size_${metadata.id}`] = function (this: any, ast: any, state: any) {
      const sizes = ast.args.map((arg: unknown) => this.arraySizeForAst(arg, state));
      const [width, height] = RESULT_SIZE[metadata.id](sizes);
      return width === 1 && height === 1 ? ArraySize.scalar() : new ArraySize(width, height);
    };
  }
  HyperFormula.registerFunctionPlugin(PBPlugin as never, { enGB: translations });
}
