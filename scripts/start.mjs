// npm start: builds and serves the add-in. Where Excel desktop can be sideloaded (Windows, macOS, with
// the optional office-addin-debugging installed) it does that over https; elsewhere (Linux, CI) it serves
// the browser preview: the real pane beside an in-memory starter workbook.
import { spawn } from "node:child_process";
import { createRequire } from "node:module";

const port = process.env.PORT || "3000";
const require = createRequire(import.meta.url);

function installed(name) {
  try {
    require.resolve(`${name}/package.json`);
    return true;
  } catch {
    return false;
  }
}

function run(command, args, env = {}) {
  const child = spawn(command, args, {
    stdio: "inherit",
    shell: process.platform === "win32",
    env: { ...process.env, ...env },
  });
  child.on("exit", (code) => process.exit(code ?? 0));
}

const canSideload =
  ["win32", "darwin"].includes(process.platform) &&
  installed("office-addin-debugging") &&
  installed("office-addin-dev-certs");

if (canSideload) {
  console.log(
    "Personal Budgets: building, then sideloading manifest.xml into Excel desktop (https://localhost:" + port + ").",
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
    port,
  ]);
} else {
  const why = ["win32", "darwin"].includes(process.platform)
    ? "office-addin-debugging is not installed (it is optional: npm install office-addin-debugging office-addin-dev-certs)"
    : `Excel desktop cannot be sideloaded on ${process.platform}`;
  console.log(`Personal Budgets: ${why}, so serving the browser preview.`);
  console.log(`  Browser preview:  http://localhost:${port}/preview.html`);
  console.log(
    `  Task pane page:   http://localhost:${port}/taskpane.html  (for Excel; see the README to sideload into Excel on the web)`,
  );
  console.log(`  Custom functions: http://localhost:${port}/functions.json`);
  run("npx", ["webpack", "serve", "--mode", "development", "--port", port]);
}
