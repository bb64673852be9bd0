// npm start: builds and serves the add-in. Where Excel desktop can be sideloaded (Windows, macOS, with
// the optional office-addin-debugging installed) it does that over https; elsewhere (Linux, CI) it serves
// the browser preview: the real pane beside an in-memory starter workbook.
// `node scripts/start.mjs --dry-run` says what it would do (port and command) and stops.
import { spawn } from "node:child_process";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const { choosePort } = require("./port.js");

const wanted = Number(process.env.PORT || 3000);
const dryRun = process.argv.includes("--dry-run");

function installed(name) {
  try {
    require.resolve(`${name}/package.json`);
    return true;
  } catch {
    return false;
  }
}

function run(command, args, env = {}) {
  console.log(`  Running: ${command} ${args.join(" ")}`);
  if (dryRun) return;
  const child = spawn(command, args, {
    stdio: "inherit",
    shell: process.platform === "win32",
    env: { ...process.env, ...env },
  });
  child.on("exit", (code) => process.exit(code ?? 0));
}

function fail(message) {
  console.error(`Personal Budgets: ${message}`);
  process.exit(1);
}

if (!Number.isInteger(wanted) || wanted < 1 || wanted > 65535) fail(`PORT=${process.env.PORT} is not a port number.`);

const canSideload =
  ["win32", "darwin"].includes(process.platform) &&
  installed("office-addin-debugging") &&
  installed("office-addin-dev-certs");

if (canSideload) {
  // The manifest Excel loads names this port, so the add-in cannot move to another.
  const { port } = await choosePort(wanted, { canMove: false });
  if (port === undefined) {
    fail(
      `port ${wanted} on localhost is in use (is another npm start running?). Excel loads the add-in from ` +
        `https://localhost:${wanted}, so stop whatever uses that port and run npm start again.`,
    );
  }
  console.log(
    `Personal Budgets: building, then sideloading manifest.xml into Excel desktop (https://localhost:${port}).`,
  );
  run("npx", [
    "office-addin-debugging",
    "start",
    "manifest.xml",
    "desktop",
    "--app",
    "excel",
    "--dev-server",
    "npm run dev-server",
    "--dev-server-port",
    String(port),
  ]);
} else {
  const why = ["win32", "darwin"].includes(process.platform)
    ? "office-addin-debugging is not installed " +
      "(it is optional: npm install office-addin-debugging office-addin-dev-certs)"
    : `Excel desktop cannot be sideloaded on ${process.platform}`;
  console.log(`Personal Budgets: ${why}, so serving the browser preview.`);
  const { port, moved } = await choosePort(wanted, { canMove: true });
  if (port === undefined) {
    fail(
      `ports ${wanted} to ${wanted + 20} on localhost are all in use. Free one, or choose another: PORT=4000 npm start`,
    );
  }
  if (moved) console.log(`  Port ${wanted} is in use (is another npm start running?), so serving on port ${port}.`);
  console.log(`  Browser preview:  http://localhost:${port}/preview.html`);
  console.log(`  Task pane page:   http://localhost:${port}/taskpane.html  (for Excel; see the README to sideload)`);
  console.log(`  Custom functions: http://localhost:${port}/functions.json`);
  console.log(`  Help page:        http://localhost:${port}/support.html`);
  run("npx", ["webpack", "serve", "--mode", "development", "--port", String(port)]);
}
