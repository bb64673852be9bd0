// The build's two settings for hosting, checked on webpack's own configuration and the page templates as
// HtmlWebpackPlugin renders them (lodash templates), without a production build:
// - the pages' Content-Security-Policy must not stop Office (OfficeDev/office-js#1005: Office.js loads
//   MicrosoftAjax.js from ajax.aspnetcdn.com; #1687: Excel on the web inserts inline styles), and `--env csp=off`
//   leaves the policies out for a tenant where something is still blocked;
// - a production build, for hosting, leaves the browser preview out unless `--env preview=on`.
import { readFileSync } from "fs";

/** HtmlWebpackPlugin's template engine (lodash's, which it depends on; no types installed). */
// eslint-disable-next-line @typescript-eslint/no-require-imports
const template = require("lodash/template") as (text: string) => (data: object) => string;

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { CONTENT_SECURITY_POLICY } = require("../scripts/csp.js") as {
  CONTENT_SECURITY_POLICY: Record<"pane" | "preview" | "support", string>;
};

interface HtmlPlugin {
  userOptions: {
    filename: string;
    template: string;
    templateParameters: { contentSecurityPolicy: string; themeCss: string; withPreview?: boolean };
  };
}
interface Config {
  entry: Record<string, string>;
  plugins: { constructor: { name: string } }[];
  devServer: { headers: (request: { path: string }) => Record<string, string> };
}
// eslint-disable-next-line @typescript-eslint/no-require-imports
const configure = require("../webpack.config.js") as (env: object, options: { mode: string }) => Promise<Config>;

jest.setTimeout(60_000);

async function pages(env: object, mode = "production") {
  const config = await configure(env, { mode });
  const html = config.plugins.filter(
    (plugin) => plugin.constructor.name === "HtmlWebpackPlugin",
  ) as unknown as HtmlPlugin[];
  return {
    policies: Object.fromEntries(
      html.map((plugin) => [plugin.userOptions.filename, plugin.userOptions.templateParameters.contentSecurityPolicy]),
    ),
    header: (path: string) => config.devServer.headers({ path })["Content-Security-Policy"],
    entries: Object.keys(config.entry),
    /** A page as HtmlWebpackPlugin renders its template, with the build's parameters (before scripts are added). */
    page: (filename: string) => {
      const { template: file, templateParameters } = html.find(
        (plugin) => plugin.userOptions.filename === filename,
      )!.userOptions;
      return template(readFileSync(file, "utf8"))(templateParameters);
    },
  };
}

const render = (file: string, contentSecurityPolicy: string) =>
  template(readFileSync(file, "utf8"))({ contentSecurityPolicy, themeCss: "", withPreview: true });
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
    const on = await pages({ preview: "on" });
    expect(on.policies).toEqual({
      "taskpane.html": CONTENT_SECURITY_POLICY.pane,
      "preview.html": CONTENT_SECURITY_POLICY.preview,
    });
    expect(on.header("/taskpane.html")).toBe(CONTENT_SECURITY_POLICY.pane);
    for (const file of ["src/taskpane/taskpane.html", "src/preview/preview.html"]) {
      expect(META.exec(render(file, CONTENT_SECURITY_POLICY.pane))?.[1]).toBe(CONTENT_SECURITY_POLICY.pane);
      expect(render(file, "")).not.toMatch(/Content-Security-Policy"/);
    }
    const off = await pages({ csp: "off", preview: "on" });
    expect(off.policies).toEqual({ "taskpane.html": "", "preview.html": "" });
    expect(off.header("/taskpane.html")).toBeUndefined();
    expect((await pages({ csp: "on" })).policies["taskpane.html"]).toBe(CONTENT_SECURITY_POLICY.pane);
    await expect(pages({ csp: "no" })).rejects.toThrow("--env csp must be on or off; got no");
  });
});

describe("a production build for hosting", () => {
  it("leaves the browser preview out, page and script, unless asked; a development build always has it", async () => {
    const hosting = await pages({});
    expect(hosting.entries).toEqual(["functions", "taskpane"]);
    expect(Object.keys(hosting.policies)).toEqual(["taskpane.html"]);
    // Opened outside Excel, the pane's page points to the preview only where there is one.
    const outsideExcel = (page: string) =>
      /<p id="outside-excel" hidden>([\s\S]*?)<\/p>/.exec(page)?.[1].replace(/\s+/g, " ").trim();
    expect(outsideExcel(hosting.page("taskpane.html"))).toBe(
      "This is the Personal Budgets task pane: open it from Excel (Home › Personal Budgets).",
    );
    const withPreview = await pages({ preview: "on" });
    expect(withPreview.entries).toEqual(["functions", "taskpane", "preview"]);
    expect(Object.keys(withPreview.policies)).toEqual(["taskpane.html", "preview.html"]);
    expect(outsideExcel(withPreview.page("taskpane.html"))).toBe(
      "This is the Personal Budgets task pane: open it from Excel (Home › Personal Budgets), or try it without " +
        'Excel in the <a href="preview.html">browser preview</a>.',
    );
    expect((await pages({}, "development")).entries).toContain("preview");
    await expect(pages({ preview: "yes" })).rejects.toThrow("--env preview must be on or off; got yes");
  });
});
