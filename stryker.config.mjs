// Mutation testing, `npm run mutate` (not part of `npm test`): StrykerJS changes the engine and the reports one
// small edit (a mutant) at a time and runs the tests that reach it; a mutant no test notices is a gap in the tests.
// Files are picked up by glob, so new ones are included. Each mutant runs only the tests that reached it in the
// first run ("perTest"), from its own file's fast set below (scripts/mutation/testSequencer.js): the unit and
// function tests for the engine, each report's own sheet, workbook and pane tests; never the browser or build tests.
// One file while working: npx stryker run --mutate src/engine/dates.ts (the README's Tests section says more).

/**
 * Where a mutated file's tests come from, by path prefix (folders end in "/"); the first that matches. A report's
 * tests build and calculate whole workbooks, seconds each, so each report file runs the ones that test it most
 * directly; a new report file runs them all.
 */
const REPORT_TESTS = {
  finance: "test/sheet/finance.test.ts",
  financeOffice: "test/workbook/financeOffice.test.ts",
  financePane: "test/taskpane/finance.test.ts",
  whatIf: "test/workbook/whatIf.test.ts",
  whatIfSheet: "test/sheet/whatIf.test.ts",
  whatIfOffice: "test/workbook/whatIfOffice.test.ts",
  whatIfPane: "test/taskpane/whatIf.test.ts",
};
const testSets = [
  { code: "src/engine/", tests: ["test/engine/", "test/functions/"] },
  { code: "src/workbook/reports/finance.ts", tests: [REPORT_TESTS.finance] },
  {
    code: "src/workbook/reports/financeBook.ts",
    tests: [REPORT_TESTS.finance, REPORT_TESTS.financeOffice, REPORT_TESTS.financePane],
  },
  { code: "src/workbook/reports/whatIf.ts", tests: [REPORT_TESTS.whatIf] },
  {
    code: "src/workbook/reports/whatIfBook.ts",
    tests: [REPORT_TESTS.whatIf, REPORT_TESTS.whatIfOffice, REPORT_TESTS.whatIfPane],
  },
  { code: "src/workbook/reports/", tests: Object.values(REPORT_TESTS) },
];

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  mutate: ["src/engine/**/*.ts", "src/workbook/reports/**/*.ts"],
  testRunner: "jest",
  coverageAnalysis: "perTest",
  jest: {
    config: {
      testMatch: [
        ...testSets.flatMap(({ tests }) =>
          tests.map((test) => `<rootDir>/${test.endsWith("/") ? `${test}**/*.test.ts` : test}`),
        ),
        // The metadata generator's own tests: slow, and about JSDoc, not figures.
        "!<rootDir>/test/functions/metadata.test.ts",
      ],
      testSequencer: "<rootDir>/scripts/mutation/testSequencer.js",
      globals: { mutationTestSets: testSets },
    },
  },
  // Mutants that only run while a module loads would need every test run again each; they are skipped.
  ignoreStatic: true,
  // A loaded machine must not turn a surviving mutant into a "timeout"; an endless loop is still caught by its
  // hit count.
  timeoutMS: 20000,
  concurrency: 2,
  reporters: ["clear-text", "progress-append-only", "html", "json"],
  ignorePatterns: ["/dist", "/test-results", "/.bench-build", "/coverage"],
  tempDirName: ".stryker-tmp",
};
