// functions.json is generated from the JSDoc in functions.ts, then given the settings the generator cannot
// write; the generator's CLI exits 0 even when it reports errors. These tests fail on any generator error,
// then check the contract in the functions.json the build writes, which is the one Excel reads.
import { generateCustomFunctionsMetadata } from "custom-functions-metadata";
import { readFileSync, writeFileSync } from "fs";
import { join } from "path";
import * as PB from "../../src/functions/functions";
import { buildAddIn } from "../support/build";
import { scratchFolder } from "../support/runFolder";

jest.setTimeout(180_000);

interface Parameter {
  name: string;
  description?: string;
  type: string;
  dimensionality?: string;
  optional?: boolean;
}
interface FunctionMetadata {
  id: string;
  name: string;
  description?: string;
  parameters: Parameter[];
  result: { dimensionality?: string };
}

/** The contract: each function's parameters in order; "?" marks optional, "[]" a range (matrix). */
const CONTRACT: Record<string, string[]> = {
  RAS_POINTS: ["answers[]", "scoring[]", "questions[]?"],
  INDICATIVE_BUDGET: ["points[]", "priceTable[]", "careGroup[]?", "reduction[]?", "period?", "method?", "weeksInYear?"],
  PLAN_TOLERANCE: ["planCost[]", "indicative[]", "tolerance[]?"],
  CARER_CATEGORY: ["scores[]", "thresholds[]?"],
  OUTCOME_CATEGORY: ["scores[]", "thresholds[]?"],
  PLAN_COST: ["lines[]", "period?", "weeksInYear?"],
  RAS_EXPLAIN: ["points[]", "priceTable[]", "careGroup[]?", "reduction[]?", "period?", "method?", "weeksInYear?"],
  REPRICE: ["points[]", "currentTable[]", "proposedTable[]", "careGroup[]?", "reduction[]?", "method?"],
  IN_YEAR_COST: ["annual[]", "start[]", "end[]", "from", "to"],
  RAS_FIT: ["points[]", "costs[]", "priceTable[]", "careGroup[]?"],
  CALIBRATE: ["points[]", "costs[]", "bounds[]", "careGroup[]?"],
  DP_SURPLUS: ["balance[]", "annual[]", "weeksAllowed?", "weeksInYear?"],
};
const SPILLING = [
  "RAS_POINTS",
  "INDICATIVE_BUDGET",
  "PLAN_TOLERANCE",
  "CARER_CATEGORY",
  "OUTCOME_CATEGORY",
  "RAS_EXPLAIN",
  "REPRICE",
  "IN_YEAR_COST",
  "RAS_FIT",
  "CALIBRATE",
  "DP_SURPLUS",
];

describe("functions.json as the build writes it from functions.ts", () => {
  let metadata: { allowErrorForDataTypeAny?: boolean; allowCustomDataForDataTypeAny?: boolean };
  let functions: FunctionMetadata[];
  let associate: { functionName: string; id: string }[];

  beforeAll(async () => {
    const generated = await generateCustomFunctionsMetadata("src/functions/functions.ts");
    expect(generated.errors).toEqual([]);
    associate = generated.associate;
    const output = await buildAddIn("development", { entries: ["functions"] });
    metadata = JSON.parse(readFileSync(join(output, "functions.json"), "utf8")) as typeof metadata;
    functions = (metadata as { functions: FunctionMetadata[] }).functions;
  });

  it("lets error values reach the functions, so one bad row errs alone, and passes rich values as objects", () => {
    // Without allowErrorForDataTypeAny, one #N/A in People[Points] makes a spilled call one error, and the
    // per-row pass-through never runs (learn.microsoft.com/office/dev/add-ins/excel/custom-functions-json).
    expect(metadata.allowErrorForDataTypeAny).toBe(true);
    // With allowCustomDataForDataTypeAny a linked data type arrives as an object the functions can name and refuse.
    expect(metadata.allowCustomDataForDataTypeAny).toBe(true);
  });

  it("describes exactly the twelve PB functions, with the contract's parameters", () => {
    const described = Object.fromEntries(
      functions.map((fn) => [
        fn.id,
        fn.parameters.map((p) => `${p.name}${p.dimensionality === "matrix" ? "[]" : ""}${p.optional ? "?" : ""}`),
      ]),
    );
    expect(described).toEqual(CONTRACT);
    expect(functions.every((fn) => fn.name === fn.id)).toBe(true);
  });

  it("gives every function and parameter help text for Excel's autocomplete", () => {
    for (const fn of functions) {
      expect(fn.description?.length).toBeGreaterThan(20);
      for (const parameter of fn.parameters)
        expect(`${fn.id}.${parameter.name}: ${parameter.description ?? ""}`).toMatch(/: .{15,}/);
    }
  });

  it("returns a matrix from every function that spills", () => {
    for (const fn of functions)
      expect([fn.id, fn.result.dimensionality ?? "scalar"]).toEqual([
        fn.id,
        SPILLING.includes(fn.id) ? "matrix" : "scalar",
      ]);
  });

  it("associates each id with an exported function of functions.ts", () => {
    for (const { id, functionName } of associate)
      expect([id, typeof (PB as Record<string, unknown>)[functionName]]).toEqual([id, "function"]);
    expect(associate.map(({ id }) => id).sort()).toEqual(Object.keys(CONTRACT).sort());
  });

  it("fails when the generator reports an error (a check that could not fail would prove nothing)", async () => {
    const broken = join(scratchFolder("metadata"), "broken.ts");
    writeFileSync(
      broken,
      "/**\n * Broken.\n * @customfunction BROKEN\n * @param {notAType} x Something.\n */\n" +
        "function broken(x) { return x; }\n",
    );
    const generated = await generateCustomFunctionsMetadata(broken);
    expect(generated.errors.length).toBeGreaterThan(0);
  });
});
