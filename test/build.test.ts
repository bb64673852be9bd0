// npm run build, through webpack's own API: the three files Excel loads, and nothing the manifest names missing.
import { generateCustomFunctionsMetadata } from "custom-functions-metadata";
import { existsSync, readFileSync } from "fs";
import { join } from "path";
import { buildAddIn } from "./support/build";

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
      "IN_YEAR_COST",
      "OUTCOME_CATEGORY",
      "PLAN_COST",
      "PLAN_TOLERANCE",
      "RAS_EXPLAIN",
      "RAS_POINTS",
      "REPRICE",
    ]);
  });

  it("emits functions.json exactly as generated from the JSDoc, not hand-written", async () => {
    const generated = await generateCustomFunctionsMetadata("src/functions/functions.ts");
    expect(JSON.parse(readFileSync(join(output, "functions.json"), "utf8"))).toEqual(
      JSON.parse(generated.metadataJson),
    );
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

  it("loads the functions in the pane's page (shared runtime)", () => {
    const page = readFileSync(join(output, "taskpane.html"), "utf8");
    const scripts = [...page.matchAll(/<script[^>]* src="?([^" >]+)/g)].map((match) => match[1]);
    // Office.js first (from Microsoft's CDN, as Office requires), then the functions and the pane.
    expect(scripts).toEqual([
      "https://appsforoffice.microsoft.com/lib/1/hosted/office.js",
      "functions.js",
      "taskpane.js",
    ]);
  });

  it("emits the browser preview, which loads only its own script: no Office.js, nothing remote", () => {
    const page = readFileSync(join(output, "preview.html"), "utf8");
    expect([...page.matchAll(/<script[^>]* src="?([^" >]+)/g)].map((match) => match[1])).toEqual(["preview.js"]);
    expect(page).not.toMatch(/https?:\/\//);
  });
});
