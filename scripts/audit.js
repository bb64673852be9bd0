// npm run audit: `npm audit --omit=dev` must show no high or critical advisory, except those accepted in
// audit-allowlist.json (each with a reason and a date to look again). Where the registry's audit service does not
// answer, it says so plainly; AUDIT_REQUIRED=1 makes that a failure too.
//   node scripts/audit.js                  runs npm audit
//   node scripts/audit.js --report <file>  checks a saved `npm audit --omit=dev --json` report
const { spawnSync } = require("node:child_process");
const { readFileSync } = require("node:fs");
const path = require("node:path");

const BLOCKING = ["high", "critical"];
const ALLOW_LIST = path.join(__dirname, "..", "audit-allowlist.json");

/** The GitHub advisory id (GHSA-…) of one `via` entry of npm's report, or its npm number when it has none. */
const advisoryId = (via) => /GHSA(-[0-9a-z]{4}){3}/.exec(via.url ?? "")?.[0] ?? String(via.source);

/**
 * What a report means: `{ unanswered }` when it is npm's error (the audit service did not answer), else the
 * blocking advisories not allowed, the allowances that have expired, and those that no longer match anything.
 */
function evaluateAudit(report, allowList, today) {
  if (!report.vulnerabilities) {
    return { unanswered: report.message ?? report.error?.summary ?? "no report" };
  }
  const advisories = new Map();
  for (const vulnerability of Object.values(report.vulnerabilities)) {
    for (const via of vulnerability.via.filter((entry) => typeof entry === "object")) {
      advisories.set(advisoryId(via), {
        id: advisoryId(via),
        package: via.name,
        severity: via.severity,
        title: via.title,
        url: via.url,
      });
    }
  }
  const found = [...advisories.values()];
  const allowed = new Map(allowList.map((entry) => [entry.id, entry]));
  const current = (entry) => entry && entry.until >= today;
  return {
    blocking: found.filter((advisory) => BLOCKING.includes(advisory.severity) && !current(allowed.get(advisory.id))),
    expired: allowList.filter((entry) => entry.until < today),
    unused: allowList.filter((entry) => !advisories.has(entry.id)),
    counts: report.metadata?.vulnerabilities ?? {},
  };
}

/** The lines to print and whether the check passed. */
function verdict(result, { required }) {
  if (result.unanswered) {
    return {
      ok: !required,
      lines: [
        `npm audit: the registry's audit service did not answer (${result.unanswered}), ` +
          "so advisories were NOT checked.",
        required
          ? "AUDIT_REQUIRED=1: failing. Run `npm run audit` where https://registry.npmjs.org answers audit requests."
          : "Run `npm run audit` where https://registry.npmjs.org answers audit requests (set AUDIT_REQUIRED=1 to fail).",
      ],
    };
  }
  const lines = [];
  for (const advisory of result.blocking) {
    lines.push(`${advisory.severity}: ${advisory.package} ${advisory.id} ${advisory.title} (${advisory.url})`);
  }
  for (const entry of result.expired)
    lines.push(`audit-allowlist.json: ${entry.id} was accepted until ${entry.until}: look again`);
  for (const entry of result.unused) lines.push(`audit-allowlist.json: ${entry.id} no longer applies; remove it`);
  const ok = result.blocking.length === 0 && result.expired.length === 0;
  const counts = Object.entries(result.counts)
    .filter(([severity, count]) => severity !== "total" && count > 0)
    .map(([severity, count]) => `${count} ${severity}`);
  lines.push(
    ok
      ? "npm audit --omit=dev: no high or critical advisories outside audit-allowlist.json " +
          `(found: ${counts.join(", ") || "none at all"}).`
      : "npm audit --omit=dev: upgrade the packages above (npm audit fix, or a newer version in package.json), " +
          "or accept an advisory in audit-allowlist.json with a reason and a date.",
  );
  return { ok, lines };
}

function main() {
  const at = process.argv.indexOf("--report");
  const text =
    at > 0
      ? readFileSync(process.argv[at + 1], "utf8")
      : spawnSync("npm", ["audit", "--omit=dev", "--json"], { encoding: "utf8", shell: process.platform === "win32" })
          .stdout;
  let report;
  try {
    report = JSON.parse(text);
  } catch {
    report = { message: "npm audit printed no report" };
  }
  const allowList = JSON.parse(readFileSync(ALLOW_LIST, "utf8")).accepted;
  const today = new Date().toISOString().slice(0, 10);
  const { ok, lines } = verdict(evaluateAudit(report, allowList, today), {
    required: process.env.AUDIT_REQUIRED === "1",
  });
  (ok ? console.log : console.error)(lines.join("\n"));
  process.exit(ok ? 0 : 1);
}

if (require.main === module) main();

module.exports = { evaluateAudit, verdict };
