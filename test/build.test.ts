// npm run build, through webpack's own API: the three files Excel loads, and nothing the manifest names missing,
// built for a council's own host (one setting: package.json's config.baseUrl, here given as --env baseUrl).
import { generateCustomFunctionsMetadata } from "custom-functions-metadata";
import { existsSync, readFileSync } from "fs";
import { join } from "path";
import { buildAddIn } from "./support/build";
import { checkBaseUrl, declaredSets, DEVELOPMENT_URL, manifestFor } from "./support/manifest";
import { manifestProblems } from "./support/manifestRules";

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { CONTENT_SECURITY_POLICY } = require("../scripts/csp.js") as {
  CONTENT_SECURITY_POLICY: Record<"pane" | "preview" | "support", string>;
};

jest.setTimeout(600_000); // a production build takes minutes on a busy 2-core machine

const BASE_URL = "https://apps.example-council.gov.uk/personal-budgets";
/** The page's policy meta, however the minifier quotes its attributes. */
const META = /<meta http-equiv="?Content-Security-Policy"? content="([^"]*)"/;
const policyIn = (html: string) => META.exec(html)?.[1];

describe("production build", () => {
  let output = "";

  beforeAll(async () => {
    output = await buildAddIn("production", { baseUrl: BASE_URL });
  });

  it("emits functions.js with an associate call for every function", () => {
    const script = readFileSync(join(output, "functions.js"), "utf8");
    const ids = [...script.matchAll(/CustomFunctions\.associate\("([A-Z_]+)"/g)].map((match) => match[1]);
    expect(ids.sort()).toEqual([
      "CARER_CATEGORY",
      "INDICATIVE_BUDGET",
      "IN_YEAR_COST",
      "OUTCOME_CATEGORY",
      "PLAN_COST",
      "PLAN_TOLERANCE",
      "RAS_EXPLAIN",
      "RAS_POINTS",
      "REPRICE",
    ]);
  });

  it("emits functions.json exactly as generated from the JSDoc, not hand-written", async () => {
    const generated = await generateCustomFunctionsMetadata("src/functions/functions.ts");
    expect(JSON.parse(readFileSync(join(output, "functions.json"), "utf8"))).toEqual(
      JSON.parse(generated.metadataJson),
    );
  });

  it("emits the manifest for the configured host: every URL under it, and every file it names", () => {
    const manifest = readFileSync(join(output, "manifest.xml"), "utf8");
    expect(manifest).toBe(manifestFor(readFileSync("manifest.xml", "utf8"), BASE_URL));
    expect(manifest).not.toContain("localhost");
    // Every URL is a DefaultValue (the xmlns attributes name schemas, not places).
    const urls = [...manifest.matchAll(/DefaultValue="(https?:\/\/[^"]*)"/g)].map((match) => match[1]);
    expect(urls.length).toBeGreaterThan(5);
    expect(urls.filter((url) => !url.startsWith(`${BASE_URL}/`))).toEqual([]);
    // An AppDomain is an origin, without the path.
    expect([...manifest.matchAll(/<AppDomain>([^<]*)<\/AppDomain>/g)].map((match) => match[1])).toEqual([
      "https://apps.example-council.gov.uk",
    ]);
    const files = urls.filter((url) => url.startsWith(BASE_URL)).map((url) => url.slice(BASE_URL.length + 1));
    expect(files).toEqual(
      expect.arrayContaining(["functions.js", "functions.json", "taskpane.html", "support.html", "assets/icon-32.png"]),
    );
    expect(files.filter((file) => !existsSync(join(output, file)))).toEqual([]);
    // The schema's rules hold for the built copy too, icons measured in the build.
    const builtFile = (url: string) =>
      url.startsWith(`${BASE_URL}/`) ? join(output, url.slice(BASE_URL.length + 1)) : undefined;
    expect(manifestProblems(manifest, builtFile)).toEqual([]);
  });

  it("takes only an https base URL without a trailing slash; the default is the development host", () => {
    expect(checkBaseUrl(BASE_URL).origin).toBe("https://apps.example-council.gov.uk");
    for (const bad of [
      "http://apps.example.gov.uk",
      "https://apps.example.gov.uk/",
      "apps.example.gov.uk",
      "https://a.uk/?x=1",
    ]) {
      expect(() => checkBaseUrl(bad)).toThrow(/must be https|is not a URL/);
    }
    const source = readFileSync("manifest.xml", "utf8");
    expect(manifestFor(source, DEVELOPMENT_URL)).toBe(source);
    expect((JSON.parse(readFileSync("package.json", "utf8")) as { config: { baseUrl: string } }).config.baseUrl).toBe(
      DEVELOPMENT_URL,
    );
  });

  it("emits the support page from docs/support.md: text only, under its own strict policy", () => {
    const page = readFileSync(join(output, "support.html"), "utf8");
    const markdown = readFileSync("docs/support.md", "utf8");
    const headings = [...markdown.matchAll(/^#{1,3} (.*)$/gm)].map((match) => match[1]);
    expect(headings).toEqual(
      expect.arrayContaining(["Getting help", "What data the add-in touches", "Reporting a problem"]),
    );
    expect([...page.matchAll(/<h[1-3]>(.*)<\/h[1-3]>/g)].map((match) => match[1])).toEqual(headings);
    expect(policyIn(page)).toBe(CONTENT_SECURITY_POLICY.support);
    expect(page).not.toMatch(/<script/i);
  });

  it("puts each page's Content-Security-Policy first in its head, before any script", () => {
    for (const [file, policy] of [
      ["taskpane.html", CONTENT_SECURITY_POLICY.pane],
      ["preview.html", CONTENT_SECURITY_POLICY.preview],
    ]) {
      const head = /<head>([\s\S]*?)<\/head>/.exec(readFileSync(join(output, file), "utf8"))![1];
      expect(policyIn(head)).toBe(policy);
      expect(head.search(/<script/)).toBeGreaterThan(head.search(META));
      expect(head).not.toMatch(/<script(?![^>]*\ssrc=)[^>]*>/); // no inline script
    }
    expect(CONTENT_SECURITY_POLICY.pane).toContain("script-src 'self' https://appsforoffice.microsoft.com;");
    expect(CONTENT_SECURITY_POLICY.preview).toContain("script-src 'self';");
  });

  it("gives the pane the manifest's requirement sets to check at start-up", () => {
    const pane = readFileSync(join(output, "taskpane.js"), "utf8");
    expect(pane).toContain("isSetSupported");
    for (const set of declaredSets(readFileSync("manifest.xml", "utf8"))) {
      expect(pane).toContain(`{name:"${set.name}",version:"${set.version}"}`);
    }
  });

  it("loads the functions in the pane's page (shared runtime)", () => {
    const page = readFileSync(join(output, "taskpane.html"), "utf8");
    const scripts = [...page.matchAll(/<script[^>]* src="?([^" >]+)/g)].map((match) => match[1]);
    // Office.js first (from Microsoft's CDN, as Office requires), then the functions and the pane.
    expect(scripts).toEqual([
      "https://appsforoffice.microsoft.com/lib/1/hosted/office.js",
      "functions.js",
      "taskpane.js",
    ]);
  });

  it("emits the browser preview, which loads only its own script: no Office.js, nothing remote", () => {
    const page = readFileSync(join(output, "preview.html"), "utf8");
    expect([...page.matchAll(/<script[^>]* src="?([^" >]+)/g)].map((match) => match[1])).toEqual(["preview.js"]);
    expect(page).not.toMatch(/https?:\/\//);
  });
});
