// Every Excel / Office API the add-in calls belongs to a requirement set manifest.xml declares, or runs only under
// an Office.context.requirements.isSetSupported check. Office activates an add-in only where every set in
// OfficeApp/Requirements is supported (https://learn.microsoft.com/javascript/api/manifest/set), so a call from an
// undeclared set is a call that fails in some Excel the manifest lets in. What each member needs comes from the
// `[Api set: …]` tags in Microsoft's typings, read with the type checker: nothing here lists today's calls.
import { readFileSync, writeFileSync } from "fs";
import { join } from "path";
import ts from "typescript";
import {
  ApiUse,
  compareVersions,
  officeApiUses,
  parseApiSetTag,
  projectProgram,
  setsInUse,
  sourceFilesUnder,
  undeclaredUses,
} from "./support/apiSets";
import { declaredSets } from "./support/manifest";
import { scratchFolder } from "./support/runFolder";

jest.setTimeout(120_000);

const manifest = readFileSync("manifest.xml", "utf8");
const sourceFiles = sourceFilesUnder("src");

// Deliberately broken (and deliberately fine) add-in code, checked against a manifest declaring ExcelApi 1.7.
const FIXTURES: Record<string, string> = {
  // ExcelApi 1.12, unguarded.
  precedents: `export const f = (range: Excel.Range) => range.getDirectPrecedents();`,
  // The same call under a check for its set, and under a check for too low a version.
  guarded: `export const f = (range: Excel.Range) => {
    if (Office.context.requirements.isSetSupported("ExcelApi", "1.12")) return range.getDirectPrecedents();
    return null;
  };`,
  guardedTooLow: `export const f = (range: Excel.Range) =>
    Office.context.requirements.isSetSupported("ExcelApi", "1.10") ? range.getDirectPrecedents() : null;`,
  // A property named only inside load("…"): Worksheet.showGridlines is ExcelApi 1.8.
  loaded: `export const f = (context: Excel.RequestContext) =>
    context.workbook.worksheets.load("items/showGridlines");`,
  // Worksheet.visibility: "ExcelApi 1.1 for reading visibility; 1.2 for setting it".
  visibility: `export const read = (sheet: Excel.Worksheet) => sheet.visibility;
    export const write = (sheet: Excel.Worksheet) => { sheet.visibility = "Hidden"; };`,
  // TableRowCollection.add: "…; 1.15 for adding \`alwaysInsert\` parameter".
  alwaysInsert: `export const f = (table: Excel.Table) => table.rows.add(undefined, [["a"]], true);`,
  // WorkbookRangeAreas.load has no tag of its own: it takes its class's, ExcelApi 1.12.
  inherited: `export const f = (areas: Excel.WorkbookRangeAreas) => areas.load("addresses");`,
  // ExcelApiOnline cannot be declared in a manifest at all: only a runtime check will do.
  online: `export const f = (range: Excel.AllowEditRange) => { range.title = "Budgets"; };`,
  // An object literal typed by Office sets what it names: RangeFormat's autoIndent is ExcelApi 1.9.
  literal: `export const f = (range: Excel.Range) => range.format.set({ autoIndent: true });`,
};

let program: ts.Program;
let sourceUses: ApiUse[];
const fixtureFiles: Record<string, string> = {};

beforeAll(() => {
  const folder = scratchFolder("api-sets");
  for (const [name, text] of Object.entries(FIXTURES)) {
    fixtureFiles[name] = join(folder, `${name}.ts`);
    writeFileSync(fixtureFiles[name], text);
  }
  program = projectProgram([...sourceFiles, ...Object.values(fixtureFiles)]);
  sourceUses = officeApiUses(program, sourceFiles);
});

const ONLY_EXCEL_1_7 = [{ name: "ExcelApi", version: "1.7" }];
const problemsIn = (fixture: string) =>
  undeclaredUses(officeApiUses(program, [fixtureFiles[fixture]]), ONLY_EXCEL_1_7).map((problem) =>
    problem.replace(/^.*?:(\d+) /, "line $1: "),
  );

describe("Office requirement sets", () => {
  it("manifest.xml declares every set the add-in's code needs", () => {
    // The analysis must see the add-in's Excel calls at all, or an empty answer would pass.
    expect(sourceUses.filter((use) => use.member.startsWith("Excel.")).length).toBeGreaterThan(20);
    expect(sourceUses.some((use) => use.member.startsWith("CustomFunctions."))).toBe(true);
    expect(undeclaredUses(sourceUses, declaredSets(manifest))).toEqual([]);
  });

  it("fails when the manifest declares a lower ExcelApi version than the code needs, or leaves a set out", () => {
    const needed = setsInUse(sourceUses);
    const excel = needed.find((set) => set.name === "ExcelApi")!;
    const [major, minor] = excel.version.split(".").map(Number);
    const lower = manifest.replace(/(<Set Name="ExcelApi" MinVersion=")[^"]+/, `$1${major}.${minor - 1}`);
    const flagged = undeclaredUses(sourceUses, declaredSets(lower));
    expect(flagged.length).toBeGreaterThan(0);
    expect(flagged.every((problem) => problem.endsWith(`needs ExcelApi ${excel.version}`))).toBe(true);

    const withoutFunctionsSet = manifest.replace(/\s*<Set Name="CustomFunctionsRuntime"[^>]*>/, "");
    expect(undeclaredUses(sourceUses, declaredSets(withoutFunctionsSet))).toContainEqual(
      expect.stringMatching(/^src\/functions\/.* CustomFunctions\.Error needs CustomFunctionsRuntime 1\.2$/),
    );
  });

  it("fails on a call from a set the manifest does not declare, unless isSetSupported guards it", () => {
    expect(problemsIn("precedents")).toEqual(["line 1: Excel.Range.getDirectPrecedents needs ExcelApi 1.12"]);
    expect(problemsIn("guarded")).toEqual([]);
    expect(problemsIn("guardedTooLow")).toEqual(["line 2: Excel.Range.getDirectPrecedents needs ExcelApi 1.12"]);
    expect(problemsIn("online")).toEqual(["line 1: Excel.AllowEditRange.title needs ExcelApiOnline 1.1"]);
  });

  it("reads what load() names, writes apart from reads, parameters passed, and a class's own tag", () => {
    expect(problemsIn("loaded")).toEqual(["line 2: Excel.Worksheet.showGridlines needs ExcelApi 1.8"]);
    // Reading visibility is 1.1; setting it 1.2, which a manifest at 1.1 does not cover.
    expect(
      undeclaredUses(officeApiUses(program, [fixtureFiles.visibility]), [{ name: "ExcelApi", version: "1.1" }]),
    ).toEqual([expect.stringMatching(/:2 Excel\.Worksheet\.visibility needs ExcelApi 1\.2$/)]);
    expect(problemsIn("alwaysInsert")).toEqual(["line 1: Excel.TableRowCollection.add needs ExcelApi 1.15"]);
    expect(problemsIn("inherited")).toEqual([
      "line 1: Excel.WorkbookRangeAreas.load needs ExcelApi 1.12",
      "line 1: Excel.WorkbookRangeAreas.addresses needs ExcelApi 1.12",
    ]);
    expect(problemsIn("literal")).toEqual([
      "line 1: Excel.Interfaces.RangeFormatUpdateData.autoIndent needs ExcelApi 1.9",
    ]);
  });

  describe("reading an [Api set: …] tag", () => {
    const read = { write: false, parameters: [], passed: [] };
    it("one set, or alternatives for other hosts (any one suffices)", () => {
      expect(parseApiSetTag("ExcelApi 1.7", read)).toEqual([{ name: "ExcelApi", version: "1.7" }]);
      expect(parseApiSetTag("SharedRuntime 1.1, Mailbox 1.10", read)).toEqual([
        { name: "SharedRuntime", version: "1.1" },
        { name: "Mailbox", version: "1.10" },
      ]);
    });
    it("by access: the getter's version for a read, the setter's for a write", () => {
      const tag = "ExcelApi 1.1 for get, 1.8 for set";
      expect(parseApiSetTag(tag, read)).toEqual([{ name: "ExcelApi", version: "1.1" }]);
      expect(parseApiSetTag(tag, { ...read, write: true })).toEqual([{ name: "ExcelApi", version: "1.8" }]);
    });
    it("by parameter: a later version applies when its parameter is passed; an unnamed condition always does", () => {
      const tag =
        "ExcelApi 1.1 for adding a single row; 1.4 allows adding of multiple rows; " +
        "1.15 for adding `alwaysInsert` parameter.";
      const rows = { write: false, parameters: ["index", "values", "alwaysInsert"], passed: ["index", "values"] };
      // "multiple rows" names no parameter, so 1.4 counts; alwaysInsert is not passed, so 1.15 does not.
      expect(parseApiSetTag(tag, rows)).toEqual([{ name: "ExcelApi", version: "1.4" }]);
      expect(parseApiSetTag(tag, { ...rows, passed: rows.parameters })).toEqual([
        { name: "ExcelApi", version: "1.15" },
      ]);
    });
    it("compares versions as numbers, Preview above all", () => {
      expect(compareVersions("1.10", "1.9")).toBeGreaterThan(0);
      expect(compareVersions("1.7", "1.7")).toBe(0);
      expect(compareVersions("Preview", "1.99")).toBeGreaterThan(0);
    });
  });
});
