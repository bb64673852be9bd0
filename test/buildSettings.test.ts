// The pages' Content-Security-Policy must not stop Office (OfficeDev/office-js#1005: Office.js loads MicrosoftAjax.js
// from ajax.aspnetcdn.com; #1687: Excel on the web inserts inline styles), and one build setting, `--env csp=off`,
// leaves the policies out for a tenant where something is still blocked. Checked on webpack's own configuration and
// the page templates as HtmlWebpackPlugin renders them (lodash templates), without a production build.
import { readFileSync } from "fs";

/** HtmlWebpackPlugin's template engine (lodash's, which it depends on; no types installed). */
// eslint-disable-next-line @typescript-eslint/no-require-imports
const template = require("lodash/template") as (text: string) => (data: object) => string;

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { CONTENT_SECURITY_POLICY } = require("../scripts/csp.js") as {
  CONTENT_SECURITY_POLICY: Record<"pane" | "preview" | "support", string>;
};

interface HtmlPlugin {
  userOptions: { filename: string; templateParameters: { contentSecurityPolicy: string } };
}
interface Config {
  plugins: { constructor: { name: string } }[];
  devServer: { headers: (request: { path: string }) => Record<string, string> };
}
// eslint-disable-next-line @typescript-eslint/no-require-imports
const configure = require("../webpack.config.js") as (env: object, options: { mode: string }) => Promise<Config>;

jest.setTimeout(60_000);

async function pages(env: object) {
  const config = await configure(env, { mode: "production" });
  const html = config.plugins.filter(
    (plugin) => plugin.constructor.name === "HtmlWebpackPlugin",
  ) as unknown as HtmlPlugin[];
  return {
    policies: Object.fromEntries(
      html.map((plugin) => [plugin.userOptions.filename, plugin.userOptions.templateParameters.contentSecurityPolicy]),
    ),
    header: (path: string) => config.devServer.headers({ path })["Content-Security-Policy"],
  };
}

const render = (file: string, contentSecurityPolicy: string) =>
  template(readFileSync(file, "utf8"))({ contentSecurityPolicy, themeCss: "" });
const META = /<meta http-equiv="Content-Security-Policy" content="([^"]*)"/;

describe("the pages' Content-Security-Policy", () => {
  it("lets Office.js load what it is reported to need: its CDN, MicrosoftAjax.js, inline styles", () => {
    expect(CONTENT_SECURITY_POLICY.pane).toContain(
      "script-src 'self' https://appsforoffice.microsoft.com https://ajax.aspnetcdn.com;",
    );
    expect(CONTENT_SECURITY_POLICY.pane).toContain("style-src 'self' 'unsafe-inline';");
    // Still no inline script, no eval, and no request to another host.
    expect(CONTENT_SECURITY_POLICY.pane).not.toMatch(/unsafe-eval|script-src[^;]*unsafe-inline/);
    expect(CONTENT_SECURITY_POLICY.pane).toContain("connect-src 'self';");
  });

  it("is in each page by default, and left out of the pane and the preview with --env csp=off", async () => {
    const on = await pages({});
    expect(on.policies).toEqual({
      "taskpane.html": CONTENT_SECURITY_POLICY.pane,
      "preview.html": CONTENT_SECURITY_POLICY.preview,
    });
    expect(on.header("/taskpane.html")).toBe(CONTENT_SECURITY_POLICY.pane);
    for (const file of ["src/taskpane/taskpane.html", "src/preview/preview.html"]) {
      expect(META.exec(render(file, CONTENT_SECURITY_POLICY.pane))?.[1]).toBe(CONTENT_SECURITY_POLICY.pane);
      expect(render(file, "")).not.toMatch(/Content-Security-Policy"/);
    }
    const off = await pages({ csp: "off" });
    expect(off.policies).toEqual({ "taskpane.html": "", "preview.html": "" });
    expect(off.header("/taskpane.html")).toBeUndefined();
    expect((await pages({ csp: "on" })).policies["taskpane.html"]).toBe(CONTENT_SECURITY_POLICY.pane);
    await expect(pages({ csp: "no" })).rejects.toThrow("--env csp must be on or off; got no");
  });
});
