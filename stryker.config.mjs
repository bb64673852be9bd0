// Mutation testing, `npm run mutate` (not part of `npm test`): StrykerJS changes the engine and the reports one
// small edit (a mutant) at a time and runs the tests that reach it; a mutant no test notices is a gap in the tests.
// Files are picked up by glob, so new ones are included. Each mutant runs only the tests that reached it in the
// first run ("perTest"), from its own file's fast set below (scripts/mutation/testSequencer.js): the unit and
// function tests for the engine, each report's own sheet, workbook and pane tests; never the browser or build tests.
// One file while working: npx stryker run --mutate src/engine/dates.ts (the README's Tests section says more).
import fs from "fs";
import path from "path";
import { fileURLToPath } from "url";

const ROOT = path.dirname(fileURLToPath(import.meta.url));

/**
 * Where a mutated file's tests come from, by path prefix (folders end in "/"); the first that matches. A report's
 * tests build and calculate whole workbooks, seconds each, so each report runs the ones that test it most directly,
 * found by name: its sheet spec (`<name>.ts`) the in-memory workbook's test (test/workbook/<name>.test.ts), or the
 * spreadsheet engine's (test/sheet/<name>.test.ts) where there is none; its book (`<name>Book.ts`) and the files in
 * `<name>/` (blocks of the sheet and the readers of its inputs) those and its Office and pane tests, and any named
 * in PANE_TESTS. A report file named otherwise runs them all.
 */
const REPORTS = "src/workbook/reports/";
/** A book's pane tests named for what the pane does rather than for the report. */
const PANE_TESTS = { outturn: ["test/taskpane/paymentImport.test.ts"] };
const existing = (files) => files.filter((file) => fs.existsSync(path.join(ROOT, file)));
function reportTestSets() {
  const names = new Set(fs.readdirSync(path.join(ROOT, REPORTS)).map((entry) => entry.replace(/(Book)?\.ts$/, "")));
  return [...names].flatMap((name) => {
    const spec = existing([`test/workbook/${name}.test.ts`, `test/sheet/${name}.test.ts`]).slice(0, 1);
    const book = [
      ...spec,
      ...existing([
        `test/workbook/${name}Office.test.ts`,
        `test/taskpane/${name}.test.ts`,
        ...(PANE_TESTS[name] ?? []),
      ]),
    ];
    return [
      { code: `${REPORTS}${name}.ts`, tests: spec },
      { code: `${REPORTS}${name}/`, tests: book },
      { code: `${REPORTS}${name}Book.ts`, tests: book },
    ].filter(({ tests }) => tests.length > 0);
  });
}
const reportSets = reportTestSets();
const testSets = [
  { code: "src/engine/", tests: ["test/engine/", "test/functions/"] },
  ...reportSets,
  { code: REPORTS, tests: [...new Set(reportSets.flatMap(({ tests }) => tests))] },
];

const MUTATE = ["src/engine/**/*.ts", "src/workbook/reports/**/*.ts"];

/**
 * The files `--mutate` names on the command line (globs, comma-separated, as Stryker takes them; a line range
 * after a colon ignored), or every file this config mutates. Stryker reads this file once, in its own process,
 * before it starts the test runners, so its command line is this process's.
 */
function filesToMutate() {
  const at = process.argv.findIndex((arg) => arg === "--mutate" || arg === "-m");
  const globs = at >= 0 && at + 1 < process.argv.length ? process.argv[at + 1].split(",") : MUTATE;
  const pattern = (glob) =>
    new RegExp(
      `^${glob
        .replace(/:[\d:-]+$/, "")
        .replace(/[.+^${}()|[\]\\]/g, "\\$&")
        .replace(/\*\*\/|\*/g, (star) => (star === "*" ? "[^/]*" : "(.*/)?"))}$`,
    );
  const patterns = globs.map(pattern);
  const walk = (folder) =>
    fs.readdirSync(path.join(ROOT, folder), { withFileTypes: true }).flatMap((entry) => {
      const file = `${folder}/${entry.name}`;
      return entry.isDirectory() ? walk(file) : [file];
    });
  return walk("src").filter((file) => patterns.some((matches) => matches.test(file)));
}

/** The tests the first run needs: those of the sets the files to mutate take theirs from (the first that matches). */
const firstRunTests = [
  ...new Set(filesToMutate().flatMap((file) => testSets.find(({ code }) => file.startsWith(code))?.tests ?? [])),
];

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  mutate: MUTATE,
  testRunner: "jest",
  coverageAnalysis: "perTest",
  jest: {
    config: {
      // Stryker runs Jest's --findRelatedTests, which follows imports only through files under `roots`: with the
      // test folder alone, a test that reaches the engine through src/functions was not related to it and never ran.
      roots: ["<rootDir>/test", "<rootDir>/src"],
      // Only the test sets of the files mutated: `--mutate src/workbook/reports/whatIf.ts` runs the what-if's tests
      // first, not the engine's and every report's.
      testMatch: [
        ...firstRunTests.map((test) => `<rootDir>/${test.endsWith("/") ? `${test}**/*.test.ts` : test}`),
        // The metadata generator's own tests: slow, and about JSDoc, not figures.
        "!**/test/functions/metadata.test.ts",
      ],
      testSequencer: "<rootDir>/scripts/mutation/testSequencer.js",
      // Resolved by Stryker from its sandbox, which it runs in.
      testEnvironment: "./scripts/mutation/testEnvironment.js",
      globals: { mutationTestSets: testSets },
    },
  },
  // Mutants that only run while a module loads would need every test run again each; they are skipped.
  ignoreStatic: true,
  // A whole first run takes hours on two cores; after it, a run tests again only the mutants whose code or tests
  // changed (minutes), from the last run's results kept here (not committed: reports/ is ignored).
  incremental: true,
  incrementalFile: "reports/mutation/incremental.json",
  // A loaded machine must not turn a surviving mutant into a "timeout"; an endless loop is still caught by its
  // hit count.
  timeoutMS: 20000,
  concurrency: 2,
  reporters: ["clear-text", "progress-append-only", "html", "json"],
  ignorePatterns: ["/dist", "/test-results", "/.bench-build", "/coverage"],
  tempDirName: ".stryker-tmp",
};
