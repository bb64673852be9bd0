// functions.json and the associate calls as the build makes them: generated from functions.ts's JSDoc by
// custom-functions-metadata, with webpack.config.js's settings. Generating loads the TypeScript compiler, which
// Jest compiles afresh for every test file that calculates with the functions (and again for every mutant that
// mutation testing runs them for), so the result is kept in node_modules/.cache under a key made of those files
// and the generator's and TypeScript's versions: a change to any of them generates afresh. The generator itself,
// its errors included, is tested in test/functions/metadata.test.ts and test/build.test.ts.
import { createHash } from "crypto";
import * as fs from "fs";
import * as path from "path";
import { GeneratedFunctions } from "../../src/workbook/memory/customFunctions";

const FUNCTIONS_SOURCE = "src/functions/functions.ts";
const CACHE = path.join("node_modules", ".cache", "pb-functions-metadata");
const versionOf = (name: string) =>
  (JSON.parse(fs.readFileSync(path.join("node_modules", name, "package.json"), "utf8")) as { version: string }).version;

let built: Promise<GeneratedFunctions> | undefined;

/** What the build generates from functions.ts, with the settings it adds; fails on any generator error. */
export function builtFunctions(): Promise<GeneratedFunctions> {
  built ??= cachedOrGenerated();
  return built;
}

async function cachedOrGenerated(): Promise<GeneratedFunctions> {
  const key = createHash("sha256");
  for (const file of [FUNCTIONS_SOURCE, "webpack.config.js"]) key.update(fs.readFileSync(file));
  for (const name of ["custom-functions-metadata", "typescript"]) key.update(versionOf(name));
  const file = path.join(CACHE, `${key.digest("hex")}.json`);
  if (fs.existsSync(file)) return JSON.parse(fs.readFileSync(file, "utf8")) as GeneratedFunctions;

  const { generateCustomFunctionsMetadata } = await import("custom-functions-metadata");
  const generated = await generateCustomFunctionsMetadata(FUNCTIONS_SOURCE);
  // Its CLI exits 0 on errors; here they fail the test.
  if (generated.errors.length > 0) throw new Error(`functions.json: ${generated.errors.join("; ")}`);
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { withMetadataSettings } = require("../../webpack.config.js") as {
    withMetadataSettings: (json: string) => string;
  };
  const result = { metadataJson: withMetadataSettings(generated.metadataJson), associate: generated.associate };
  // Written whole, then renamed, so a test file reading it beside another writing it never sees half of it.
  fs.mkdirSync(CACHE, { recursive: true });
  const partial = `${file}.${process.pid}`;
  fs.writeFileSync(partial, JSON.stringify(result));
  fs.renameSync(partial, file);
  return result;
}
