// The dev server as `npm start` runs it: on localhost only, each page with its Content-Security-Policy header,
// and a port already in use met with a plain sentence (or another port, printed), never a stack trace.
import { spawnSync } from "child_process";
import { writeFileSync } from "fs";
import { AddressInfo, connect, createServer, Server } from "net";
import { networkInterfaces } from "os";
import { join } from "path";
import webpack from "webpack";
import WebpackDevServer from "webpack-dev-server";
import { scratchFolder } from "./support/runFolder";

// eslint-disable-next-line @typescript-eslint/no-require-imports
const webpackConfig = require("../webpack.config.js") as (
  env: Record<string, string>,
  options: { mode: string },
) => Promise<webpack.Configuration & { devServer: WebpackDevServer.Configuration }>;
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { CONTENT_SECURITY_POLICY } = require("../scripts/csp.js") as {
  CONTENT_SECURITY_POLICY: Record<"pane" | "preview" | "support", string>;
};
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { choosePort } = require("../scripts/port.js") as {
  choosePort: (wanted: number, options: { canMove: boolean }) => Promise<{ port?: number; moved: boolean }>;
};

jest.setTimeout(120_000);

/** A server holding a free port on localhost, as another `npm start` would. */
async function occupy(): Promise<{ port: number; server: Server }> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "localhost", resolve));
  return { port: (server.address() as AddressInfo).port, server };
}
const release = (server: Server) => new Promise((resolve) => server.close(resolve));
const reachable = (host: string, port: number) =>
  new Promise<boolean>((resolve) => {
    const socket = connect({ host, port, timeout: 2000 });
    const settle = (result: boolean) => {
      socket.destroy();
      resolve(result);
    };
    socket.once("connect", () => settle(true));
    socket.once("error", () => settle(false));
    socket.once("timeout", () => settle(false));
  });

describe("npm start with its port taken", () => {
  it("says so and serves the preview on the next free port, without a stack trace", async () => {
    const { port, server } = await occupy();
    try {
      const started = spawnSync(process.execPath, ["scripts/start.mjs", "--dry-run"], {
        env: { ...process.env, PORT: String(port) },
        encoding: "utf8",
      });
      expect(started.stderr).toBe("");
      expect(started.status).toBe(0);
      const moved = new RegExp(
        `Port ${port} is in use \\(is another npm start running\\?\\), so serving on port (\\d+)\\.`,
      );
      expect(started.stdout).toMatch(moved);
      const chosen = Number(moved.exec(started.stdout)![1]);
      expect(chosen).toBeGreaterThan(port);
      expect(started.stdout).toContain(`Browser preview:  http://localhost:${chosen}/preview.html`);
      expect(started.stdout).toContain(`Running: npx webpack serve --mode development --port ${chosen}`);
    } finally {
      await release(server);
    }
  });

  it("refuses plainly where the port cannot move (Excel loads the manifest's port); rejects a bad PORT", async () => {
    const { port, server } = await occupy();
    try {
      await expect(choosePort(port, { canMove: false })).resolves.toEqual({ port: undefined, moved: false });
      await expect(choosePort(port, { canMove: true })).resolves.toMatchObject({ moved: true });
    } finally {
      await release(server);
    }
    await expect(choosePort(port, { canMove: false })).resolves.toEqual({ port, moved: false });
    const bad = spawnSync(process.execPath, ["scripts/start.mjs", "--dry-run"], {
      env: { ...process.env, PORT: "three thousand" },
      encoding: "utf8",
    });
    expect(bad.status).toBe(1);
    expect(bad.stderr).toBe("Personal Budgets: PORT=three thousand is not a port number.\n");
  });
});

describe("the dev server, from webpack.config.js", () => {
  let server: WebpackDevServer;
  let url = "";

  beforeAll(async () => {
    const folder = scratchFolder("dev-server");
    for (const page of ["taskpane.html", "preview.html", "support.html"])
      writeFileSync(join(folder, page), "<p>page</p>");
    writeFileSync(join(folder, "entry.js"), "");
    const { port } = await choosePort(30_000 + (process.pid % 20_000), { canMove: true });
    const config = await webpackConfig({}, { mode: "development" });
    // The real dev-server options (host, headers), serving a stand-in folder from a one-line build.
    const compiler = webpack({
      mode: "development",
      entry: join(folder, "entry.js"),
      output: { path: folder },
      stats: "none",
      infrastructureLogging: { level: "error" },
    });
    server = new WebpackDevServer({ ...config.devServer, port, static: { directory: folder } }, compiler);
    await server.start();
    url = `http://localhost:${port}`;
  });

  afterAll(async () => {
    await server?.stop();
  });

  it("listens on the loopback interface only", async () => {
    const address = server.server!.address() as AddressInfo;
    expect(["127.0.0.1", "::1"]).toContain(address.address);
    // Where this machine has a network address, the dev server cannot be reached on it.
    const outward = Object.values(networkInterfaces())
      .flat()
      .filter((entry) => entry !== undefined && !entry.internal && entry.family === "IPv4");
    for (const entry of outward) {
      await expect(reachable(entry!.address, address.port)).resolves.toBe(false);
    }
    await expect(reachable(address.address, address.port)).resolves.toBe(true);
  });

  it("sends each page's Content-Security-Policy as a header", async () => {
    const policyOf = async (page: string) => (await fetch(`${url}/${page}`)).headers.get("content-security-policy");
    await expect(policyOf("taskpane.html")).resolves.toBe(CONTENT_SECURITY_POLICY.pane);
    await expect(policyOf("preview.html")).resolves.toBe(CONTENT_SECURITY_POLICY.preview);
    await expect(policyOf("support.html")).resolves.toBe(CONTENT_SECURITY_POLICY.support);
    expect(CONTENT_SECURITY_POLICY.preview).not.toContain("appsforoffice");
  });
});
