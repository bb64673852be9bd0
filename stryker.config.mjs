// Mutation testing, `npm run mutate` (not part of `npm test`): StrykerJS changes the engine and the reports one
// small edit (a mutant) at a time and runs the tests that reach it; a mutant no test notices is a gap in the tests.
// Files are picked up by glob, so new ones are included. Each mutant runs only the tests that reached it in the
// first run ("perTest"), from its own file's fast set below (scripts/mutation/testSequencer.js): the unit and
// function tests for the engine, the sheet and workbook tests for the reports; never the browser or build tests.
// One file while working: npx stryker run --mutate src/engine/dates.ts

/** Where a mutated file's tests come from, by path prefix: folders end in "/". */
const testSets = [
  { code: "src/engine/", tests: ["test/engine/", "test/functions/"] },
  {
    code: "src/workbook/reports/",
    tests: [
      "test/sheet/finance.test.ts",
      "test/sheet/whatIf.test.ts",
      "test/workbook/financeOffice.test.ts",
      "test/workbook/whatIf.test.ts",
      "test/workbook/whatIfOffice.test.ts",
      "test/taskpane/finance.test.ts",
      "test/taskpane/whatIf.test.ts",
    ],
  },
];

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  mutate: testSets.map(({ code }) => `${code}**/*.ts`),
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
