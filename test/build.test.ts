// npm run build, through webpack's own API: the three files Excel loads, and nothing the manifest names missing,
// built for a council's own host (one setting: package.json's config.baseUrl, here given as --env baseUrl).
import { generateCustomFunctionsMetadata } from "custom-functions-metadata";
import { existsSync, readdirSync, readFileSync } from "fs";
import { join } from "path";
import { buildAddIn, bundledModules } from "./support/build";
import { checkBaseUrl, declaredSets, DEVELOPMENT_URL, manifestFor } from "./support/manifest";
import { manifestProblems } from "./support/manifestRules";

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { CONTENT_SECURITY_POLICY } = require("../scripts/csp.js") as {
  CONTENT_SECURITY_POLICY: Record<"pane" | "preview" | "support", string>;
};
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { withMetadataSettings } = require("../webpack.config.js") as { withMetadataSettings: (json: string) => string };

jest.setTimeout(600_000); // a production build takes minutes on a busy 2-core machine

const BASE_URL = "https://apps.example-council.gov.uk/personal-budgets";
/** The page's policy meta, however the minifier quotes its attributes. */
const META = /<meta http-equiv="?Content-Security-Policy"? content="([^"]*)"/;
const policyIn = (html: string) => META.exec(html)?.[1];
const scriptsOf = (page: string) => [...page.matchAll(/<script[^>]* src="?([^" >]+)/g)].map((match) => match[1]);

describe("production build", () => {
  let output = "";

  beforeAll(async () => {
    // With the browser preview, to check it too (a build for hosting leaves it out: buildSettings.test.ts).
    output = await buildAddIn("production", { env: { baseUrl: BASE_URL, preview: "on" } });
  });

  it("emits functions.js with an associate call for every function", () => {
    const script = readFileSync(join(output, "functions.js"), "utf8");
    const ids = [...script.matchAll(/CustomFunctions\.associate\("([A-Z_]+)"/g)].map((match) => match[1]);
    expect(ids.sort()).toEqual([
      "CALIBRATE",
      "CARER_CATEGORY",
      "DP_SURPLUS",
      "INDICATIVE_BUDGET",
      "IN_YEAR_COST",
      "OUTCOME_CATEGORY",
      "PLAN_COST",
      "PLAN_TOLERANCE",
      "RAS_EXPLAIN",
      "RAS_FIT",
      "RAS_POINTS",
      "REPRICE",
    ]);
  });

  it("emits functions.json as generated from the JSDoc, not hand-written, with the build's settings", async () => {
    const generated = await generateCustomFunctionsMetadata("src/functions/functions.ts");
    const built = JSON.parse(readFileSync(join(output, "functions.json"), "utf8")) as Record<string, unknown>;
    expect(built).toEqual(JSON.parse(withMetadataSettings(generated.metadataJson)));
    // The only differences from the generator's own output are the two settings it cannot write.
    const { allowErrorForDataTypeAny, ...rest } = built;
    expect(allowErrorForDataTypeAny).toBe(true);
    expect(rest).toEqual(JSON.parse(generated.metadataJson));
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
    expect(CONTENT_SECURITY_POLICY.pane).toContain(
      "script-src 'self' https://appsforoffice.microsoft.com https://ajax.aspnetcdn.com;",
    );
    expect(CONTENT_SECURITY_POLICY.preview).toContain("script-src 'self';");
  });

  it("gives the pane the manifest's requirement sets to check at start-up", () => {
    // The pane's code is split into chunks: look through every script of its page.
    const pane = scriptsOf(readFileSync(join(output, "taskpane.html"), "utf8"))
      .filter((script) => !/^https?:/.test(script))
      .map((script) => readFileSync(join(output, script), "utf8"))
      .join("\n");
    expect(pane).toContain("isSetSupported");
    for (const set of declaredSets(readFileSync("manifest.xml", "utf8"))) {
      expect(pane).toContain(`{name:"${set.name}",version:"${set.version}"}`);
    }
  });

  it("loads the functions in the pane's page (shared runtime), with every script once", () => {
    const scripts = scriptsOf(readFileSync(join(output, "taskpane.html"), "utf8"));
    // Office.js first (from Microsoft's CDN, as Office requires), then the one webpack runtime, the engine
    // chunk both entries use, the functions (with their associate calls), and the pane with its own chunks.
    expect(scripts.slice(0, 4)).toEqual([
      "https://appsforoffice.microsoft.com/lib/1/hosted/office.js",
      "runtime.js",
      "engine.js",
      "functions.js",
    ]);
    expect(scripts.slice(4)).toEqual(["preact.js", "fluent-ui.js", "pane.js", "taskpane.js"]);
    expect(new Set(scripts).size).toBe(scripts.length);
    expect(scripts.slice(1).filter((script) => !existsSync(join(output, script)))).toEqual([]);
  });

  it("runs the pane on Preact's compatibility layer: React itself is in no script", () => {
    const scripts = readdirSync(output).filter((file) => file.endsWith(".js"));
    expect(readFileSync(join(output, "preact.js"), "utf8")).toMatch(/createPortal/);
    // Text only React's production build carries (its error decoder's address).
    const react = scripts.filter((file) =>
      /react\.dev\/errors|Minified React error/.test(readFileSync(join(output, file), "utf8")),
    );
    expect(react).toEqual([]);
  });

  it("ships Fluent UI's and the pane's styles as one style sheet, made at build time, which both pages link", () => {
    for (const page of ["taskpane.html", "preview.html"]) {
      expect(readFileSync(join(output, page), "utf8")).toMatch(/<link href="?griffel\.css"? rel="?stylesheet/);
    }
    // One sheet only: Griffel sorts its rules so that the later ones win; a second sheet (a chunk's own, say)
    // would change which rule wins.
    expect(readdirSync(output).filter((file) => file.endsWith(".css"))).toEqual(["griffel.css"]);
    const css = readFileSync(join(output, "griffel.css"), "utf8");
    // A Fluent rule (the spinner's animation) and one of the pane's own (the 320 px combobox fix).
    expect(css).toMatch(/@keyframes/);
    expect(css).toMatch(/\{min-width:0;\}/);
    // The scripts carry class names only: no rule text for Griffel to insert at run time.
    const pane = scriptsOf(readFileSync(join(output, "taskpane.html"), "utf8")).slice(1);
    expect(
      pane.filter((script) => /@keyframes|\{min-width:0;\}/.test(readFileSync(join(output, script), "utf8"))),
    ).toEqual([]);
  });

  it("marks every script a page starts with for V8 to compile whole as it streams in, and nothing else", () => {
    const HINT = "//# allFunctionsCalledOnLoad\n";
    const atStart = new Set(
      ["taskpane.html", "preview.html"].flatMap((page) =>
        scriptsOf(readFileSync(join(output, page), "utf8")).filter((script) => !/^https?:/.test(script)),
      ),
    );
    const hinted = readdirSync(output).filter(
      (file) => /\.(js|css)$/.test(file) && readFileSync(join(output, file), "utf8").startsWith(HINT),
    );
    expect(hinted.sort()).toEqual([...atStart].sort());
    // Scripts fetched later (the plan editor, the formula engine) are compiled as V8 sees fit.
    expect(hinted).not.toContain("plan-editor.js");
    expect(hinted).not.toContain("formulas.js");
  });

  it("writes Fluent's theme into both pages as CSS variables, so no script builds it", () => {
    for (const page of ["taskpane.html", "preview.html"]) {
      const html = readFileSync(join(output, page), "utf8");
      // webLightTheme's brand colour and font, on :root, before any script runs.
      const theme = /<style>\s*:root\s*\{([^}]*)\}/.exec(html)?.[1] ?? "";
      expect(theme).toMatch(/--colorBrandBackground:\s*#0f6cbd;/);
      expect(theme).toMatch(/--fontFamilyBase:\s*'Segoe UI'/);
    }
    const scripts = readdirSync(output).filter((file) => file.endsWith(".js"));
    // The palette's values are in no script: only the variables' names are.
    expect(scripts.filter((file) => /#0f6cbd/i.test(readFileSync(join(output, file), "utf8")))).toEqual([]);
  });

  it("puts the engine, decimal.js and zod in one chunk that the functions and the pane share", () => {
    const engine = readFileSync(join(output, "engine.js"), "utf8");
    expect(engine).toMatch(/Decimal/);
    const others = ["functions.js", ...scriptsOf(readFileSync(join(output, "taskpane.html"), "utf8")).slice(4)];
    // decimal.js's own error text, and the engine's own rule text, are in engine.js alone
    for (const text of ["[DecimalError] ", "expected a number of points, 0 or more"]) {
      expect(engine).toContain(text);
      expect(others.filter((script) => readFileSync(join(output, script), "utf8").includes(text))).toEqual([]);
    }
  });

  it("emits the browser preview, which loads only its own scripts: no Office.js, nothing remote", () => {
    const page = readFileSync(join(output, "preview.html"), "utf8");
    const scripts = scriptsOf(page);
    // The same runtime, engine, Preact, Fluent UI and pane files as the pane's page, and its own.
    expect(scripts.slice(0, 5)).toEqual(["runtime.js", "engine.js", "preact.js", "fluent-ui.js", "pane.js"]);
    expect(scripts.at(-1)).toBe("preview.js");
    expect(scripts).not.toContain("functions.js");
    expect(page).not.toMatch(/https?:\/\//);
    // Its formula engine (fast-formula-parser, with chevrotain's grammar) is fetched when the first formula needs
    // it, not before the pane starts.
    expect(scripts).not.toContain("formulas.js");
    const withParser = readdirSync(output).filter(
      (file) => file.endsWith(".js") && readFileSync(join(output, file), "utf8").includes("chevrotain"),
    );
    expect(withParser).toEqual(["formulas.js"]);
    // The grid's number formats (SSF, known by its version string) come with the first sheet: the preview opens on
    // an empty workbook. They are in the build, just not in the scripts the page starts with.
    const ssfVersion = /SSF\.version = '([^']+)'/.exec(
      readFileSync(require.resolve("fast-formula-parser/ssf/ssf"), "utf8"),
    )![1];
    const withNumberFormats = readdirSync(output).filter(
      (file) => file.endsWith(".js") && readFileSync(join(output, file), "utf8").includes(`"${ssfVersion}"`),
    );
    expect(withNumberFormats).not.toEqual([]);
    expect(withNumberFormats.filter((file) => scripts.includes(file))).toEqual([]);
  });
  it("ships the licence notices of every package bundled in it, written by the build from the packages' files", () => {
    const notices = readFileSync(join(output, "THIRD-PARTY-NOTICES.txt"), "utf8");
    const entries = notices.split(/^={100}$/m).slice(1);
    const headOf = (entry: string) => /^\n(\S+ \S+) — (.+)$/m.exec(entry)?.slice(1) ?? [entry.slice(0, 40), ""];
    // What webpack's stats say it bundled: the package of each module's file (its innermost node_modules folder), by
    // name and version, as its package.json says.
    const bundled = new Set(
      bundledModules(output).flatMap((file) => {
        const at = file.lastIndexOf("node_modules/");
        if (at < 0) return [];
        const [scope, name] = file.slice(at + "node_modules/".length).split("/");
        const folder = `${file.slice(0, at)}node_modules/${scope.startsWith("@") ? `${scope}/${name}` : scope}`;
        const { name: packageName, version } = JSON.parse(readFileSync(join(folder, "package.json"), "utf8")) as {
          name: string;
          version: string;
        };
        return [`${packageName} ${version}`];
      }),
    );
    expect([...bundled]).toEqual(
      expect.arrayContaining([expect.stringMatching(/^decimal\.js /), expect.stringMatching(/^fast-formula-parser /)]),
    );
    const listed = new Set(entries.map((entry) => headOf(entry)[0]));
    expect([...bundled].filter((name) => !listed.has(name))).toEqual([]); // none missing
    expect([...listed].filter((name) => !bundled.has(name))).toEqual([]); // none that is not shipped
    // Each with its licence's own text, from the package's files or, for one that ships none, the standard text.
    const TEXT: Record<string, RegExp> = {
      MIT: /Permission is hereby granted, free of charge/,
      ISC: /Permission to use, copy, modify, and\/or distribute/,
      "Apache-2.0": /Apache License|Licensed under the Apache License, Version 2\.0/,
      "BSD-3-Clause": /Redistribution and use in source and binary forms/,
    };
    const withoutText = entries.map(headOf).filter(([, licence], at) => !(TEXT[licence]?.test(entries[at]) ?? false));
    expect(withoutText).toEqual([]);
    const entryOf = (name: string) => entries.find((entry) => entry.startsWith(`\n${name} `)) ?? "";
    expect(entryOf("chevrotain")).toMatch(/— Apache-2\.0\n[\s\S]*Apache License/);
    // @fluentui/react-icons declares MIT and ships no licence file: the MIT text stands for it.
    expect(entryOf("@fluentui/react-icons")).toMatch(
      /— MIT\n[\s\S]*ships no licence file; its package\.json declares MIT[\s\S]*Permission is hereby granted/,
    );
  });

  it("ships nothing under the GPL: no HyperFormula, no GPL in any script or extracted licence comment", () => {
    const shipped = readdirSync(output).filter((file) => /\.js$|\.LICENSE\.txt$/.test(file));
    // (Which scripts carry licence comments follows what the pane shares with the preview: all of them are checked.)
    expect(shipped).toEqual(expect.arrayContaining(["preview.js", "fluent-ui.js.LICENSE.txt", "taskpane.js"]));
    const gpl = /hyperformula|\b[AL]?GPL\b|General Public Licen[cs]e/i;
    expect(shipped.filter((file) => gpl.test(readFileSync(join(output, file), "utf8")))).toEqual([]);
  });
});
