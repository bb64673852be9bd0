// npm run audit (scripts/audit.js), which CI runs: high or critical advisories in the production dependencies fail
// unless audit-allowlist.json accepts them until a date; an audit service that does not answer is said plainly.
// Reports below are in the shape `npm audit --json` prints (auditReportVersion 2).
import { spawnSync } from "child_process";
import { readFileSync, writeFileSync } from "fs";
import { join } from "path";
import { scratchFolder } from "./support/runFolder";

interface Allowance {
  id: string;
  package: string;
  reason: string;
  until: string;
}
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { evaluateAudit, verdict } = require("../scripts/audit.js") as {
  evaluateAudit: (report: object, allowList: Allowance[], today: string) => object;
  verdict: (result: object, options: { required: boolean }) => { ok: boolean; lines: string[] };
};

const advisory = (name: string, id: string, severity: string, title: string) => ({
  source: 1_100_000,
  name,
  dependency: name,
  title,
  url: `https://github.com/advisories/${id}`,
  severity,
  range: "<2.0.0",
});
// A high advisory in a library, which makes the package depending on it high too (via: ["bad-parser"]).
const REPORT = {
  auditReportVersion: 2,
  vulnerabilities: {
    "bad-parser": {
      name: "bad-parser",
      severity: "high",
      via: [advisory("bad-parser", "GHSA-aaaa-bbbb-cccc", "high", "Prototype pollution")],
    },
    "uses-parser": { name: "uses-parser", severity: "high", via: ["bad-parser"] },
    "slow-regex": {
      name: "slow-regex",
      severity: "moderate",
      via: [advisory("slow-regex", "GHSA-dddd-eeee-ffff", "moderate", "ReDoS")],
    },
  },
  metadata: { vulnerabilities: { info: 0, low: 0, moderate: 1, high: 2, critical: 0, total: 3 } },
};
const accept = (id: string, until: string): Allowance => ({
  id,
  package: "bad-parser",
  reason: "not reachable",
  until,
});
const TODAY = "2026-11-25";
const check = (report: object, allowList: Allowance[] = [], required = false) =>
  verdict(evaluateAudit(report, allowList, TODAY), { required });

describe("npm run audit", () => {
  it("fails on a high advisory, naming it once however many packages it reaches", () => {
    expect(check(REPORT)).toEqual({
      ok: false,
      lines: [
        "high: bad-parser GHSA-aaaa-bbbb-cccc Prototype pollution (https://github.com/advisories/GHSA-aaaa-bbbb-cccc)",
        "npm audit --omit=dev: upgrade the packages above (npm audit fix, or a newer version in package.json), " +
          "or accept an advisory in audit-allowlist.json with a reason and a date.",
      ],
    });
  });

  it("passes when the allow-list accepts it until a later date, and fails again once that date has passed", () => {
    expect(check(REPORT, [accept("GHSA-aaaa-bbbb-cccc", "2027-03-31")])).toEqual({
      ok: true,
      lines: [
        "npm audit --omit=dev: no high or critical advisories outside audit-allowlist.json " +
          "(found: 1 moderate, 2 high).",
      ],
    });
    const lapsed = check(REPORT, [accept("GHSA-aaaa-bbbb-cccc", "2026-11-24")]);
    expect(lapsed.ok).toBe(false);
    expect(lapsed.lines).toContain(
      "audit-allowlist.json: GHSA-aaaa-bbbb-cccc was accepted until 2026-11-24: look again",
    );
  });

  it("passes moderate advisories, and asks to remove allowances that no longer apply", () => {
    const clean = { ...REPORT, vulnerabilities: { "slow-regex": REPORT.vulnerabilities["slow-regex"] } };
    expect(check(clean, [accept("GHSA-aaaa-bbbb-cccc", "2027-03-31")])).toEqual({
      ok: true,
      lines: [
        "audit-allowlist.json: GHSA-aaaa-bbbb-cccc no longer applies; remove it",
        "npm audit --omit=dev: no high or critical advisories outside audit-allowlist.json " +
          "(found: 1 moderate, 2 high).",
      ],
    });
  });

  it("says plainly when the registry's audit service does not answer, failing only when required", () => {
    // What npm printed here: this registry answers only GET and HEAD.
    const unanswered = {
      message: "405 Method Not Allowed - POST https://registry.npmjs.org/-/npm/v1/security/advisories/bulk",
    };
    expect(check(unanswered).ok).toBe(true);
    expect(check(unanswered).lines[0]).toBe(
      `npm audit: the registry's audit service did not answer (${unanswered.message}), so advisories were NOT checked.`,
    );
    expect(check(unanswered, [], true).ok).toBe(false);
  });

  it("runs as a command on a saved report, with the repository's allow-list", () => {
    const allowList = JSON.parse(readFileSync("audit-allowlist.json", "utf8")) as { accepted: Allowance[] };
    expect(allowList.accepted).toEqual([]); // nothing accepted today
    const file = join(scratchFolder("audit"), "report.json");
    writeFileSync(file, JSON.stringify(REPORT));
    const run = spawnSync(process.execPath, ["scripts/audit.js", "--report", file], { encoding: "utf8" });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain("high: bad-parser GHSA-aaaa-bbbb-cccc Prototype pollution");
  });
});
