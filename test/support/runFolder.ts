// One scratch folder per Jest run, made before any worker starts and removed when the run ends: every build and
// file a test writes goes under it. The browser tests' shared build used to be named after the Jest parent's
// process id, and a later run given the same id (containers hand out the same few) took the older run's build,
// left in /tmp, as its own.
import { mkdtempSync, rmSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";

const RUN_FOLDER = "PB_TEST_RUN_FOLDER";

/** Jest's globalSetup: the workers start after it and inherit the variable. */
export function makeRunFolder(): void {
  process.env[RUN_FOLDER] = mkdtempSync(join(tmpdir(), "pb-run-"));
}

/** Jest's globalTeardown. */
export function removeRunFolder(): void {
  const folder = process.env[RUN_FOLDER];
  if (folder) rmSync(folder, { recursive: true, force: true });
}

/** This run's folder; a process started without the globalSetup (a runner that skips it) makes its own. */
export function runFolder(): string {
  return (process.env[RUN_FOLDER] ??= mkdtempSync(join(tmpdir(), "pb-run-")));
}

/** A new empty folder inside this run's. */
export function scratchFolder(prefix: string): string {
  return mkdtempSync(join(runFolder(), `${prefix}-`));
}
