// The payments section of the bench on its own (npm run bench:payments): the production build made first (for the
// preview's own timing), then the figures added to bench/results.json.
import "../test/support/customFunctionsRuntime";
import { execFileSync } from "child_process";
import { mkdtempSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { paymentsSection } from "./payments";

const output = mkdtempSync(join(tmpdir(), "pb-bench-payments-"));
execFileSync(
  process.execPath,
  [require.resolve("webpack-cli/bin/cli.js"), "--mode", "production", "--output-path", output],
  {
    stdio: "ignore",
  },
);
void paymentsSection(join(__dirname, "..", "..", "bench", "results.json"), output);
