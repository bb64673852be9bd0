// The add-in's custom functions as the in-memory workbook calls them, from the metadata generated from
// functions.ts's JSDoc, exactly as the webpack build gives it to the browser preview.
import { generateCustomFunctionsMetadata } from "custom-functions-metadata";
import * as PB from "../../src/functions/functions";
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { withMetadataSettings } = require("../../webpack.config.js") as {
  withMetadataSettings: (json: string) => string;
};
import { customFunctionLibrary, FunctionLibrary, GeneratedFunctions } from "../../src/workbook/memory/customFunctions";

export const FUNCTIONS_SOURCE = "src/functions/functions.ts";

/** What the build generates from functions.ts; fails on any generator error (its CLI would exit 0). */
export async function generatedFunctions(): Promise<GeneratedFunctions> {
  const generated = await generateCustomFunctionsMetadata(FUNCTIONS_SOURCE);
  if (generated.errors.length > 0) throw new Error(`functions.json: ${generated.errors.join("; ")}`);
  // With the settings the build adds (allowErrorForDataTypeAny), as the preview's copy has them.
  return { ...generated, metadataJson: withMetadataSettings(generated.metadataJson) };
}

export async function pbFunctionLibrary(): Promise<FunctionLibrary> {
  return customFunctionLibrary(await generatedFunctions(), PB);
}
