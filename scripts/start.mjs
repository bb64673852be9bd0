// npm start: builds the add-in and serves it on localhost.
import { spawn } from "node:child_process";

const port = process.env.PORT || "3000";
const server = spawn("npx", ["webpack", "serve", "--mode", "development", "--port", port], {
  stdio: "inherit",
  shell: process.platform === "win32",
});
console.log(`Personal Budgets: serving the add-in at http://localhost:${port}/taskpane.html (functions at /functions.js and /functions.json)`);
server.on("exit", (code) => process.exit(code ?? 0));
