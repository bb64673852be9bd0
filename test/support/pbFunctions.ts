// The add-in's custom functions as the in-memory workbook calls them, from the metadata generated from
// functions.ts's JSDoc, exactly as the webpack build gives it to the browser preview.
import * as PB from "../../src/functions/functions";
import { customFunctionLibrary, FunctionLibrary, GeneratedFunctions } from "../../src/workbook/memory/customFunctions";
import { builtFunctions } from "./functionsMetadata";

/**
 * What the build generates from functions.ts, with the settings it adds (allowErrorForDataTypeAny), as the
 * preview's copy has them; fails on any generator error.
 */
export function generatedFunctions(): Promise<GeneratedFunctions> {
  return builtFunctions();
}

export async function pbFunctionLibrary(): Promise<FunctionLibrary> {
  return customFunctionLibrary(await generatedFunctions(), PB);
}
