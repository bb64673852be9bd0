// Jest's test sequencer for mutation testing (stryker.config.mjs). Stryker runs each mutant with Jest's
// --findRelatedTests and a name filter of the tests that reached it in the first run; Jest would still load every
// related test file to skip most of their tests, seconds a mutant. This runs only the files that hold those tests,
// and only those in the mutated file's own test set (the `mutationTestSets` global). A mutant's first failing test
// kills it and skips the rest (testEnvironment.js), so the files most likely to fail come first: the one that killed
// the last mutant (the next one is usually beside it), then the quickest.
const fs = require("fs");
const path = require("path");
const Sequencer = require("@jest/test-sequencer").default;

/** Written by the first (dry) run in Stryker's sandbox: each test's full name and its file, each file's time. */
const FIRST_RUN_FILE = ".mutation-first-run.json";

/** What the first run found, once read; and the file whose test killed the last mutant in this process. */
let firstRun = null;
let lastKiller = null;

class MutationTestSequencer extends Sequencer {
  constructor(options) {
    super(options);
    this.globalConfig = options.globalConfig;
  }

  sort(tests) {
    const { rootDir, nonFlagArgs, testNamePattern } = this.globalConfig;
    const mutated = nonFlagArgs?.length === 1 ? path.relative(rootDir, nonFlagArgs[0]).split(path.sep).join("/") : null;
    const sets = tests.length > 0 ? (tests[0].context.config.globals.mutationTestSets ?? []) : [];
    const set = mutated === null ? undefined : sets.find(({ code }) => mutated.startsWith(code));
    let chosen = tests;
    if (set !== undefined) {
      const inSet = (file) => set.tests.some((test) => (test.endsWith("/") ? file.startsWith(test) : file === test));
      chosen = chosen.filter((test) => inSet(path.relative(rootDir, test.path).split(path.sep).join("/")));
    }
    const run = testNamePattern ? firstRunIn(rootDir) : null;
    if (run === null) return super.sort(chosen);
    const pattern = new RegExp(testNamePattern, "i");
    const files = new Set(run.tests.filter(([name]) => pattern.test(name)).map(([, file]) => file));
    if (files.size > 0) chosen = chosen.filter((test) => files.has(test.path));
    const order = (test) => (test.path === lastKiller ? -1 : (run.seconds[test.path] ?? Infinity));
    return [...chosen].sort((a, b) => order(a) - order(b));
  }

  cacheResults(tests, results) {
    super.cacheResults(tests, results);
    if (process.env.__STRYKER_ACTIVE_MUTANT__ !== undefined) {
      const killer = results.testResults.find((file) => file.numFailingTests > 0);
      if (killer !== undefined) lastKiller = killer.testFilePath;
      return;
    }
    // The first run has no name filter and no active mutant: every test, with its file.
    if (this.globalConfig.testNamePattern) return;
    const run = {
      tests: results.testResults.flatMap((file) => file.testResults.map((test) => [test.fullName, file.testFilePath])),
      seconds: Object.fromEntries(
        results.testResults.map((file) => [file.testFilePath, (file.perfStats.end - file.perfStats.start) / 1000]),
      ),
    };
    fs.writeFileSync(path.join(this.globalConfig.rootDir, FIRST_RUN_FILE), JSON.stringify(run));
  }
}

/** The first run's tests and times; null when not known. */
function firstRunIn(rootDir) {
  if (firstRun === null) {
    try {
      firstRun = JSON.parse(fs.readFileSync(path.join(rootDir, FIRST_RUN_FILE), "utf8"));
    } catch {
      return null;
    }
  }
  return firstRun;
}

module.exports = MutationTestSequencer;
