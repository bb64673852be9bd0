// The mutation score per file of one or more Stryker JSON reports (reports/mutation/mutation.json by default; a
// later report's file replaces an earlier one's), as the Markdown table the README's Tests section shows, with each
// folder's total. Score: killed (and timed out) of the mutants that ran or should have: killed, timed out,
// survived and not covered; errors (the tests could not run with the mutant) and those left out (ignoreStatic,
// disable comments) are counted apart.
//   node scripts/mutation/scores.js [report.json ...]
const fs = require("fs");
const path = require("path");

const reports = process.argv.length > 2 ? process.argv.slice(2) : ["reports/mutation/mutation.json"];
const files = new Map();
for (const report of reports) {
  const { files: reported } = JSON.parse(fs.readFileSync(report, "utf8"));
  for (const [file, { mutants }] of Object.entries(reported)) {
    files.set(path.relative(process.cwd(), path.resolve(file)).split(path.sep).join("/"), mutants);
  }
}

const count = (mutants) => {
  const of = (...statuses) => mutants.filter((mutant) => statuses.includes(mutant.status)).length;
  return {
    killed: of("Killed", "Timeout"),
    survived: of("Survived"),
    noCoverage: of("NoCoverage"),
    errors: of("CompileError", "RuntimeError"),
    ignored: of("Ignored"),
  };
};
const add = (a, b) => Object.fromEntries(Object.keys(a).map((key) => [key, a[key] + b[key]]));
const score = ({ killed, survived, noCoverage }) => {
  const valid = killed + survived + noCoverage;
  return valid === 0 ? "–" : `${((100 * killed) / valid).toFixed(1)}%`;
};
const row = (name, c) =>
  `| ${name} | ${score(c)} | ${c.killed} | ${c.survived} | ${c.noCoverage} | ${c.errors} | ${c.ignored} |`;

const lines = [
  "| File | Score | Killed | Survived | No test reaches it | Errors | Left out |",
  "| --- | ---: | ---: | ---: | ---: | ---: | ---: |",
];
const folders = new Map();
for (const file of [...files.keys()].sort()) {
  const counted = count(files.get(file));
  const folder = path.dirname(file).startsWith("src/workbook/reports") ? "src/workbook/reports" : path.dirname(file);
  folders.set(folder, folders.has(folder) ? add(folders.get(folder), counted) : counted);
  lines.push(row(`\`${path.relative(folder, file)}\``, counted));
}
for (const [folder, counted] of folders) lines.push(row(`**${folder}**`, counted));
console.log(lines.join("\n"));
