// The in-memory workbook calls the PB functions by the ids the build associates with the exported functions, from
// the same generated metadata the webpack build gives the preview: a function added to functions.ts is picked up
// with nothing else to change, and no id can point at the wrong function.
import * as PB from "../../src/functions/functions";
import { customFunctionLibrary, implementationsOf, NAMESPACE } from "../../src/workbook/memory/customFunctions";
import { readFileSync } from "fs";
import { generatedFunctions } from "../support/pbFunctions";

describe("the custom functions the in-memory workbook calculates", () => {
  it("maps every id of the generated associate list to that exported function, and nothing else", async () => {
    const generated = await generatedFunctions();
    const implementations = implementationsOf(generated, PB);
    expect([...implementations]).toEqual(
      generated.associate.map(({ id, functionName }) => [id, (PB as Record<string, unknown>)[functionName]]),
    );
    // Every exported function is associated (functions.ts exports nothing else).
    expect([...implementations.values()].sort((a, b) => a.name.localeCompare(b.name))).toEqual(
      Object.values(PB).sort((a, b) => a.name.localeCompare(b.name)),
    );
  });

  it("names every function of functions.json as formulas do, under the manifest's namespace", async () => {
    const generated = await generatedFunctions();
    const library = customFunctionLibrary(generated, PB);
    const described = (JSON.parse(generated.metadataJson) as { functions: { id: string }[] }).functions;
    expect([...library.keys()]).toEqual(described.map(({ id }) => `${NAMESPACE}.${id}`));
    expect(readFileSync("manifest.xml", "utf8")).toMatch(
      new RegExp(`<bt:String id="Functions.Namespace" DefaultValue="${NAMESPACE}"`),
    );
  });

  it("refuses metadata whose id the build did not associate with an export", async () => {
    const generated = await generatedFunctions();
    expect(() => customFunctionLibrary({ ...generated, associate: generated.associate.slice(1) }, PB)).toThrow(
      "is described in functions.json but not associated",
    );
    expect(() =>
      customFunctionLibrary({ ...generated, associate: [{ id: "X", functionName: "missing" }] }, PB),
    ).toThrow("X: functions.ts exports no missing");
  });
});
