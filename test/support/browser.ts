// The browser tests' common ground: one development build per Jest run (shared by every e2e file, which Jest
// runs in separate workers), served on localhost, and Debian's Chromium driven by playwright-core.
import { cpSync, existsSync, mkdirSync, rmSync, writeFileSync } from "fs";
import { join } from "path";
import { Browser, chromium, Page } from "playwright-core";
import { buildAddIn } from "./build";
import { runFolder } from "./runFolder";
import { serve } from "./staticServer";

const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--no-first-run",
  "--disable-sync",
];

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The development build, made by whichever e2e file asks first; the others wait for it. */
export async function sharedBuild(): Promise<string> {
  const folder = join(runFolder(), "e2e-build");
  const done = join(folder, ".built");
  const lock = `${folder}.lock`;
  for (;;) {
    if (existsSync(done)) return folder;
    try {
      mkdirSync(lock); // atomic: one worker builds
    } catch {
      await sleep(500);
      continue;
    }
    try {
      const built = await buildAddIn("development");
      rmSync(folder, { recursive: true, force: true });
      mkdirSync(folder, { recursive: true });
      cpSync(built, folder, { recursive: true });
      rmSync(built, { recursive: true, force: true });
      writeFileSync(done, "");
      return folder;
    } finally {
      rmSync(lock, { recursive: true, force: true });
    }
  }
}

export interface OpenPage {
  readonly browser: Browser;
  readonly page: Page;
  /** Where the build is served, e.g. http://127.0.0.1:41234 */
  readonly origin: string;
  /** Uncaught page errors and console errors (404s included), for a test to assert there are none. */
  readonly errors: string[];
  /** Every URL the page requested. */
  readonly requests: string[];
  close(): Promise<void>;
}

/** Opens a page of the shared build (preview.html by default) in a fresh headless Chromium. */
export async function openPage(path = "preview.html", viewport = { width: 1400, height: 1100 }): Promise<OpenPage> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`No Chromium at ${CHROMIUM}: install Debian's (apt-get install -y chromium) or set CHROMIUM_PATH`);
  }
  const server = await serve(await sharedBuild());
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  // Reduced motion: Fluent's buttons then change colour at once (0.01 ms), so axe never measures the contrast of a
  // button half-way through a colour transition (it once failed 'Write Finance sheet' so, on a loaded machine).
  const page = await browser.newPage({ viewport, reducedMotion: "reduce" });
  page.setDefaultTimeout(10_000);
  const errors: string[] = [];
  const requests: string[] = [];
  page.on("pageerror", (error) => errors.push(error.message));
  page.on("console", (message) => {
    if (message.type() === "error") errors.push(message.text());
  });
  page.on("request", (request) => requests.push(request.url()));
  await page.goto(`${server.url}/${path}`);
  return {
    browser,
    page,
    origin: server.url,
    errors,
    requests,
    close: async () => {
      await browser.close();
      await server.close();
    },
  };
}
