// The pane's time to interactive in the browser preview, in a Node process of its own (npm run bench starts it
// with the production build's folder): the pages are served from here, not from the benchmark's process, whose
// heap the function benchmarks grow to about 300 MB and whose garbage collection would slow the server. Prints
// the figures as JSON, or null when there is no Chromium.
import { existsSync } from "fs";
import { serve } from "../test/support/staticServer";

export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
export const SLOWDOWN = 4;

/**
 * Records, in the page, when the pane's "Set up workbook" button is first enabled (performance.now(), which counts
 * from the start of navigation). Installed before the page's own scripts through DevTools, so nothing else of
 * the test harness (Playwright's selector engine, polling) runs in the page while it starts.
 */
// The pane is interactive once "Set up workbook" is enabled (the pane has read the workbook) and the frame that
// shows it has been drawn: noted by a task queued from the next animation frame, which runs after that frame's
// style, layout and paint. The moment the button is enabled in the DOM is kept too, for information.
const WATCH_FOR_INTERACTIVE = `new MutationObserver(function () {
  if (window.__paneEnabled) return;
  for (const button of document.querySelectorAll("button"))
    if (button.textContent === "Set up workbook" && !button.disabled) {
      window.__paneEnabled = performance.now();
      requestAnimationFrame(function () {
        const drawn = new MessageChannel();
        drawn.port1.onmessage = function () { window.__paneInteractive = performance.now(); };
        drawn.port2.postMessage(null);
      });
    }
}).observe(document, { subtree: true, childList: true, attributes: true });`;

/**
 * Milliseconds from navigation to an interactive pane in the browser preview (the real pane, without
 * Office): the pane's "Set up workbook" button enabled, which the pane does once it has read the workbook,
 * and drawn. Chromium's CPU is slowed 4× (DevTools' Emulation.setCPUThrottlingRate); each run is a fresh
 * context, so nothing comes from the cache. Median and best of several runs.
 */
export async function timeToInteractive(output: string, runs = 11) {
  if (!existsSync(CHROMIUM)) return null;
  // Loaded only now, so its modules are not in the heap while the functions are timed.
  const { chromium } = await import("playwright-core");
  const server = await serve(output);
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking"],
  });
  const times: number[] = [];
  const enabled: number[] = [];
  const scriptsDone: number[] = [];
  const reopened: number[] = [];
  const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
  try {
    for (let run = 0; run < runs; run++) {
      const context = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
      const page = await context.newPage();
      const cdp = await context.newCDPSession(page);
      await cdp.send("Emulation.setCPUThrottlingRate", { rate: SLOWDOWN });
      await cdp.send("Page.enable");
      await cdp.send("Page.addScriptToEvaluateOnNewDocument", { source: WATCH_FOR_INTERACTIVE });
      // Asked from outside every 200 ms: the page's own record says when it became interactive.
      const read = async <T>(expression: string) =>
        (await cdp.send("Runtime.evaluate", { expression, returnByValue: true })).result.value as T | undefined;
      const open = async () => {
        await cdp.send("Page.navigate", { url: `${server.url}/preview.html` });
        let interactive: number | undefined;
        for (let waited = 0; interactive === undefined; waited += 200) {
          if (waited > 30_000) throw new Error("The preview's pane did not become interactive within 30 s");
          await sleep(200);
          interactive = await read<number>("window.__paneInteractive");
        }
        return interactive;
      };
      times.push(await open());
      enabled.push((await read<number>("window.__paneEnabled")) ?? NaN);
      // By DOMContentLoaded the page's deferred scripts have all run: Preact has rendered the pane, which has
      // started reading the workbook. The rest is that read, then style, layout and paint.
      scriptsDone.push(
        (await read<number>('performance.getEntriesByType("navigation")[0].domContentLoadedEventEnd')) ?? NaN,
      );
      // Opened again in the same browser profile, as Excel's webview reopens a pane: scripts come from the HTTP
      // cache and V8's code cache. For information; the target is the first, cold, opening.
      await sleep(500);
      reopened.push(await open());
      await context.close();
    }
  } finally {
    await browser.close();
    await server.close();
  }
  const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
  return {
    medianMs: median(times),
    bestMs: Math.min(...times),
    // Every cold run, so a reader can see the spread on a shared machine, not just its middle.
    coldRunsMs: times.map((time) => Math.round(time)),
    enabledMedianMs: median(enabled),
    scriptsRunMedianMs: median(scriptsDone),
    reopenedMedianMs: median(reopened),
    runs,
    slowdown: SLOWDOWN,
  };
}

export type StartUp = NonNullable<Awaited<ReturnType<typeof timeToInteractive>>>;

if (require.main === module) {
  timeToInteractive(process.argv[2]).then(
    (figures) => process.stdout.write(JSON.stringify(figures)),
    (error: unknown) => {
      console.error(error);
      process.exitCode = 1;
    },
  );
}
