// The add-in's custom functions (PB.RAS_POINTS …) as the in-memory workbook calls them: the very functions the
// add-in registers, found by the ids the build associates with them, and called as Excel calls them. From
// functions.json each parameter's shape: a matrix parameter gets rows of cells (a blank is null, an error an
// error object), a scalar one its value, an omitted optional one null. A CustomFunctions.Error, thrown or in
// a result, becomes an error cell with its message. Needs the CustomFunctions runtime global, as the
// functions themselves do (Excel provides it; so do the preview and the tests).
// Reference: https://learn.microsoft.com/office/dev/add-ins/excel/custom-functions-parameter-options
import type { Argument, SheetFunction } from "fast-formula-parser";
import FormulaError from "fast-formula-parser/formulas/error";

/** What custom-functions-metadata generates from functions.ts, as the webpack build and the tests get it. */
export interface GeneratedFunctions {
  /** functions.json, the metadata Excel reads. */
  readonly metadataJson: string;
  /** Which exported function each id is associated with (CustomFunctions.associate). */
  readonly associate: readonly { readonly functionName: string; readonly id: string }[];
}

interface ParameterMetadata {
  readonly name: string;
  readonly dimensionality?: string;
  readonly optional?: boolean;
}

interface FunctionMetadata {
  readonly id: string;
  readonly parameters: readonly ParameterMetadata[];
}

interface Metadata {
  readonly functions: readonly FunctionMetadata[];
  /** Excel passes a cell holding an error to an argument instead of giving the whole call that error. */
  readonly allowErrorForDataTypeAny?: boolean;
}

/** Custom functions by their full name in formulas, upper case ("PB.RAS_POINTS"). */
export type FunctionLibrary = ReadonlyMap<string, SheetFunction>;

/** The manifest's namespace for the add-in's functions (<Namespace> in manifest.xml). */
export const NAMESPACE = "PB";

type Implementation = (...args: unknown[]) => unknown;

/** Each associated id with the exported function it names. */
export function implementationsOf(generated: GeneratedFunctions, functionsModule: object): Map<string, Implementation> {
  const named = functionsModule as Record<string, unknown>;
  return new Map(
    generated.associate.map(({ id, functionName }) => {
      const implementation = named[functionName];
      if (typeof implementation !== "function") throw new Error(`${id}: functions.ts exports no ${functionName}`);
      return [id, implementation as Implementation];
    }),
  );
}

const isCustomError = (value: unknown): value is CustomFunctions.Error => value instanceof CustomFunctions.Error;

/** A value from a custom function as a cell holds it. */
function cellOf(value: unknown): unknown {
  if (isCustomError(value)) return new FormulaError(value.code, value.message || undefined);
  return value === undefined ? null : value;
}

/** A cell as Excel passes it inside a matrix argument: an error as a CustomFunctions.Error with its message. */
function argumentCell(value: unknown): unknown {
  if (value instanceof FormulaError) {
    return new CustomFunctions.Error(value.error as CustomFunctions.ErrorCode, value.message || undefined);
  }
  return value;
}

function call(
  implementation: Implementation,
  metadata: FunctionMetadata,
  passErrors: boolean,
  args: Argument[],
): unknown {
  if (args.length > metadata.parameters.length) {
    return new FormulaError(
      "#VALUE!",
      `${NAMESPACE}.${metadata.id} takes at most ${metadata.parameters.length} values`,
    );
  }
  const values: unknown[] = [];
  for (const [index, parameter] of metadata.parameters.entries()) {
    const arg = args[index];
    if (!arg || arg.omitted) {
      values.push(null);
      continue;
    }
    // An error given as the argument itself is the result, unless the metadata asks for it to be passed on;
    // errors inside a range always reach the function.
    if (arg.value instanceof FormulaError && !passErrors) return arg.value;
    const grid = Array.isArray(arg.value) ? (arg.value as unknown[][]) : null;
    if (parameter.dimensionality === "matrix") {
      values.push(grid ? grid.map((row) => row.map(argumentCell)) : [[argumentCell(arg.value)]]);
    } else if (grid && (grid.length !== 1 || grid[0].length !== 1)) {
      return new FormulaError("#VALUE!", `${NAMESPACE}.${metadata.id}: ${parameter.name} takes one value, not a range`);
    } else {
      values.push(argumentCell(grid ? grid[0][0] : arg.value));
    }
  }
  try {
    const result = implementation(...values);
    return Array.isArray(result) ? (result as unknown[][]).map((row) => row.map(cellOf)) : cellOf(result);
  } catch (error) {
    if (isCustomError(error)) return cellOf(error);
    const detail = error instanceof Error ? error.message : String(error);
    return new FormulaError("#VALUE!", `${NAMESPACE}.${metadata.id} failed: ${detail}`);
  }
}

/** The custom functions of the generated metadata, each calling the exported function its id is associated with. */
export function customFunctionLibrary(generated: GeneratedFunctions, functionsModule: object): FunctionLibrary {
  const implementations = implementationsOf(generated, functionsModule);
  const { functions, allowErrorForDataTypeAny } = JSON.parse(generated.metadataJson) as Metadata;
  const passErrors = allowErrorForDataTypeAny === true;
  return new Map(
    functions.map((metadata): [string, SheetFunction] => {
      const implementation = implementations.get(metadata.id);
      if (!implementation) throw new Error(`${metadata.id} is described in functions.json but not associated`);
      const name = `${NAMESPACE}.${metadata.id}`.toUpperCase();
      return [name, (...args) => call(implementation, metadata, passErrors, args)];
    }),
  );
}
