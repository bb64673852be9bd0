// Jest's test environment for mutation testing (stryker.config.mjs). A mutant is killed by the first test that
// fails with it active, so the rest of that mutant's tests are skipped, in this file and the files after it. Jest's
// own `bail` cannot be set through the API Stryker calls it with.
const { TestEnvironment } = require("jest-environment-node");

/** The mutant a test has already failed with; tests run one file at a time, in this one process. */
let killed;

class MutationTestEnvironment extends TestEnvironment {
  handleTestEvent(event) {
    const mutant = process.env.__STRYKER_ACTIVE_MUTANT__;
    if (mutant === undefined) return;
    if (event.name === "test_done" && event.test.errors.length > 0) killed = mutant;
    // Jest checks whether a test is skipped after announcing its start.
    if (event.name === "test_start" && killed === mutant) event.test.mode = "skip";
  }
}

module.exports = MutationTestEnvironment;
