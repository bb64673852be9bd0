// Jest's test sequencer for mutation testing (stryker.config.mjs). Stryker runs each mutant with Jest's
// --findRelatedTests and a name filter of the tests that reached it in the first run; Jest would still load every
// related test file to skip most of their tests, seconds a mutant. This runs only the files that hold those tests,
// and only those in the mutated file's own test set (the `mutationTestSets` global).
const fs = require("fs");
const path = require("path");
const Sequencer = require("@jest/test-sequencer").default;

/** Written by the first (dry) run in Stryker's sandbox: each test's full name and its file. */
const NAMES_FILE = ".mutation-test-names.json";

class MutationTestSequencer extends Sequencer {
  constructor(options) {
    super(options);
    this.globalConfig = options.globalConfig;
  }

  sort(tests) {
    const { rootDir, nonFlagArgs, testNamePattern } = this.globalConfig;
    const mutated = nonFlagArgs.length === 1 ? path.relative(rootDir, nonFlagArgs[0]).split(path.sep).join("/") : null;
    const sets = tests.length > 0 ? (tests[0].context.config.globals.mutationTestSets ?? []) : [];
    const set = mutated === null ? undefined : sets.find(({ code }) => mutated.startsWith(code));
    let chosen = tests;
    if (set !== undefined) {
      const inSet = (file) => set.tests.some((test) => (test.endsWith("/") ? file.startsWith(test) : file === test));
      chosen = chosen.filter((test) => inSet(path.relative(rootDir, test.path).split(path.sep).join("/")));
    }
    const files = testNamePattern ? filesWithTestsMatching(rootDir, testNamePattern) : null;
    if (files !== null) chosen = chosen.filter((test) => files.has(test.path));
    return super.sort(chosen);
  }

  cacheResults(tests, results) {
    super.cacheResults(tests, results);
    // The first run has no name filter and no active mutant: every test, with its file.
    if (this.globalConfig.testNamePattern || process.env.__STRYKER_ACTIVE_MUTANT__ !== undefined) return;
    const names = results.testResults.flatMap((file) =>
      file.testResults.map((test) => [test.fullName, file.testFilePath]),
    );
    fs.writeFileSync(path.join(this.globalConfig.rootDir, NAMES_FILE), JSON.stringify(names));
  }
}

let names = null;

/** The files holding a test whose name the pattern matches, as Jest matches it; null when not known. */
function filesWithTestsMatching(rootDir, testNamePattern) {
  if (names === null) {
    try {
      names = JSON.parse(fs.readFileSync(path.join(rootDir, NAMES_FILE), "utf8"));
    } catch {
      return null;
    }
  }
  const pattern = new RegExp(testNamePattern, "i");
  const files = new Set(names.filter(([name]) => pattern.test(name)).map(([, file]) => file));
  return files.size > 0 ? files : null;
}

module.exports = MutationTestSequencer;
