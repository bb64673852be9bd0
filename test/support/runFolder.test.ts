// Each Jest run writes under a folder of its own, so no run can take an earlier one's build for its own.
import { existsSync, readdirSync } from "fs";
import { tmpdir } from "os";
import { basename, dirname } from "path";
import { makeRunFolder, removeRunFolder, runFolder, scratchFolder } from "./runFolder";

describe("the run's scratch folder", () => {
  it("is the one the globalSetup made for this run, in the system's temporary folder", () => {
    const folder = runFolder();
    expect(dirname(folder)).toBe(tmpdir());
    expect(basename(folder)).toMatch(/^pb-run-/);
    expect(existsSync(folder)).toBe(true);
    expect(scratchFolder("probe").startsWith(`${folder}/probe-`)).toBe(true);
  });

  it("is new for every run and removed when the run ends", () => {
    const current = process.env.PB_TEST_RUN_FOLDER;
    try {
      makeRunFolder();
      const first = runFolder();
      scratchFolder("build");
      makeRunFolder();
      const second = runFolder();
      expect(second).not.toBe(first);
      expect(readdirSync(second)).toEqual([]);
      removeRunFolder();
      expect(existsSync(second)).toBe(false);
      process.env.PB_TEST_RUN_FOLDER = first;
      removeRunFolder();
      expect(existsSync(first)).toBe(false);
    } finally {
      process.env.PB_TEST_RUN_FOLDER = current;
    }
  });
});
