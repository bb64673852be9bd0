// npm run build, through webpack's own API: the three files Excel loads, and nothing the manifest names missing.
import { generateCustomFunctionsMetadata } from "custom-functions-metadata";
import { existsSync, readFileSync } from "fs";
import { join } from "path";
import { buildAddIn } from "./support/build";

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { withMetadataSettings } = require("../webpack.config.js") as { withMetadataSettings: (json: string) => string };

const scriptsOf = (page: string) => [...page.matchAll(/<script[^>]* src="?([^" >]+)/g)].map((match) => match[1]);

jest.setTimeout(180_000);

describe("production build", () => {
  let output = "";

  beforeAll(async () => {
    output = await buildAddIn("production");
  });

  it("emits functions.js with an associate call for every function", () => {
    const script = readFileSync(join(output, "functions.js"), "utf8");
    const ids = [...script.matchAll(/CustomFunctions\.associate\("([A-Z_]+)"/g)].map((match) => match[1]);
    expect(ids.sort()).toEqual([
      "CARER_CATEGORY",
      "INDICATIVE_BUDGET",
      "OUTCOME_CATEGORY",
      "PLAN_COST",
      "PLAN_TOLERANCE",
      "RAS_EXPLAIN",
      "RAS_POINTS",
    ]);
  });

  it("emits functions.json as generated from the JSDoc, not hand-written, with the build's settings", async () => {
    const generated = await generateCustomFunctionsMetadata("src/functions/functions.ts");
    const built = JSON.parse(readFileSync(join(output, "functions.json"), "utf8")) as Record<string, unknown>;
    expect(built).toEqual(JSON.parse(withMetadataSettings(generated.metadataJson)));
    // The only differences from the generator's own output are the two settings it cannot write.
    const { allowErrorForDataTypeAny, ...rest } = built;
    expect(allowErrorForDataTypeAny).toBe(true);
    expect(rest).toEqual(JSON.parse(generated.metadataJson));
  });

  it("emits the manifest, and every file it names", () => {
    const manifest = readFileSync(join(output, "manifest.xml"), "utf8");
    expect(manifest).toBe(readFileSync("manifest.xml", "utf8"));
    const files = [...manifest.matchAll(/https:\/\/localhost:3000\/([^"]+)"/g)].map((match) => match[1]);
    expect(files).toEqual(
      expect.arrayContaining(["functions.js", "functions.json", "taskpane.html", "assets/icon-32.png"]),
    );
    expect(files.filter((file) => !existsSync(join(output, file)))).toEqual([]);
  });

  it("loads the functions in the pane's page (shared runtime), with every script once", () => {
    const scripts = scriptsOf(readFileSync(join(output, "taskpane.html"), "utf8"));
    // Office.js first (from Microsoft's CDN, as Office requires), then the one webpack runtime, the engine
    // chunk both entries use, the functions (with their associate calls), and the pane with its own chunks.
    expect(scripts.slice(0, 4)).toEqual([
      "https://appsforoffice.microsoft.com/lib/1/hosted/office.js",
      "runtime.js",
      "engine.js",
      "functions.js",
    ]);
    expect(scripts.slice(4)).toEqual(["react.js", "fluent-ui.js", "pane.js", "taskpane.js"]);
    expect(new Set(scripts).size).toBe(scripts.length);
    expect(scripts.slice(1).filter((script) => !existsSync(join(output, script)))).toEqual([]);
  });

  it("puts the engine, decimal.js and zod in one chunk that the functions and the pane share", () => {
    const engine = readFileSync(join(output, "engine.js"), "utf8");
    expect(engine).toMatch(/Decimal/);
    const others = ["functions.js", ...scriptsOf(readFileSync(join(output, "taskpane.html"), "utf8")).slice(4)];
    // decimal.js's own error text, and the engine's own rule text, are in engine.js alone
    for (const text of ["[DecimalError] ", "expected a number of points, 0 or more"]) {
      expect(engine).toContain(text);
      expect(others.filter((script) => readFileSync(join(output, script), "utf8").includes(text))).toEqual([]);
    }
  });

  it("emits the browser preview, which loads only its own scripts: no Office.js, nothing remote", () => {
    const page = readFileSync(join(output, "preview.html"), "utf8");
    const scripts = scriptsOf(page);
    // The same runtime, engine, React, Fluent UI and pane files as the pane's page, and its own.
    expect(scripts.slice(0, 5)).toEqual(["runtime.js", "engine.js", "react.js", "fluent-ui.js", "pane.js"]);
    expect(scripts.at(-1)).toBe("preview.js");
    expect(scripts).not.toContain("functions.js");
    expect(page).not.toMatch(/https?:\/\//);
  });
});
