// The payments section of the bench on its own (npm run bench:payments), adding its figures to bench/results.json.
import "../test/support/customFunctionsRuntime";
import { join } from "path";
import { paymentsSection } from "./payments";

void paymentsSection(join(__dirname, "..", "..", "bench", "results.json"));
