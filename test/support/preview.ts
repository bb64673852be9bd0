// The browser preview as the end-to-end tests drive it, written once: opening it with axe-core and a record of
// what is announced, finding the pane and the workbook's grids, typing into the pane as a user does, and
// checking the pane's layout and accessibility.
import axe from "axe-core";
import { Locator, Page } from "playwright-core";
import { OpenPage, openPage } from "./browser";

/** Records what the page announces to screen readers: through ariaNotify, or a live region's text. */
function recordAnnouncements() {
  const announced: string[] = [];
  (window as unknown as { announced: string[] }).announced = announced;
  const notify = (Document.prototype as unknown as { ariaNotify?: (message: string, options?: unknown) => void })
    .ariaNotify;
  if (notify) {
    (Document.prototype as unknown as { ariaNotify: typeof notify }).ariaNotify = function (message, options) {
      announced.push(String(message));
      notify.call(this, message, options);
    };
  }
  new MutationObserver(() => {
    document.querySelectorAll("[aria-live]").forEach((region) => {
      const text = region.textContent ?? "";
      if (text.trim() !== "" && announced[announced.length - 1] !== text) announced.push(text);
    });
  }).observe(document, { subtree: true, childList: true, characterData: true });
}

/** The preview, with axe-core and the record of announcements loaded before the page's own scripts. */
export async function openPreview(): Promise<OpenPage> {
  const opened = await openPage();
  await opened.page.addInitScript(recordAnnouncements);
  // axe-core as an init script: the page's Content-Security-Policy refuses injected script tags.
  await opened.page.addInitScript({ content: axe.source });
  await opened.page.reload();
  return opened;
}

/** The pane's and the workbook's parts, and what a user does with them, on the page `page()` gives. */
export function previewParts(page: () => Page) {
  const pane = () => page().getByRole("complementary", { name: "Task pane" });
  const grid = (sheet: string) => page().locator(`table[data-sheet="${sheet}"]`);

  async function choose(label: string, typed: string, option: string | RegExp) {
    const box = pane().getByRole("combobox", { name: label });
    await box.click();
    await box.fill(typed);
    await page().getByRole("option", { name: option }).click();
  }

  /**
   * axe-core's rules over part of the page. (@axe-core/playwright wants a page from browser.newContext(); the
   * shared openPage makes its page directly, so axe-core is loaded as an init script instead.) Left out:
   * Fluent's Tabster focus-redirect elements (data-tabster-dummy), focusable and aria-hidden by design so
   * that focus passes through them unannounced — microsoft/tabster#288, microsoft/fluentui#27517 ("By
   * Design"); Accessibility Insights suppresses the same false positive (accessibility-insights-web#7605).
   */
  async function axeViolations(selector: string): Promise<string[]> {
    return page().evaluate(async (include) => {
      const context = { include: [[include]], exclude: [["[data-tabster-dummy]"]] };
      const results = await (window as unknown as { axe: typeof axe }).axe.run(context);
      return results.violations.map(
        (violation) => `${violation.id}: ${violation.help} (${violation.nodes.map((node) => node.html).join(" ")})`,
      );
    }, selector);
  }

  async function showSheet(sheet: string): Promise<Locator> {
    await page().getByRole("region", { name: "Workbook" }).getByRole("tab", { name: sheet, exact: true }).click();
    await grid(sheet).waitFor();
    return grid(sheet);
  }

  /** A grid cell by its A1 address (row 1 is the sheet's first row). */
  function cellAt(sheet: string, address: string): Locator {
    const [, letters, digits] = /^([A-Z])(\d+)$/.exec(address)!;
    return grid(sheet).locator(`tr:nth-child(${digits}) > :nth-child(${letters.charCodeAt(0) - 64})`);
  }

  /** Types into a field and leaves it, as a user does. */
  async function setField(group: Locator, label: string, value: string) {
    const input = group.getByLabel(label, { exact: true });
    await input.fill(value);
    await input.blur();
  }

  async function addFromCatalogue(service: string) {
    await choose("Service from the catalogue", service, new RegExp(`^${service.replace(/[()]/g, "\\$&")} ·`));
    await pane().getByRole("button", { name: "Add", exact: true }).click();
  }

  /**
   * Everything inside the pane's inside edge (the preview draws a border beyond it), no sideways scrolling, no
   * button's label cut short.
   */
  function paneLayout() {
    return pane().evaluate((element) => {
      const edge = element.getBoundingClientRect().left + element.clientLeft + element.clientWidth;
      const beyond = [...element.querySelectorAll("*")]
        .filter((child) => child.getClientRects().length > 0 && child.getBoundingClientRect().right > edge + 0.5)
        .map((child) => `${child.tagName} ${child.id || child.textContent?.slice(0, 30)}`);
      const clipped = [...element.querySelectorAll("button")]
        .filter((button) => button.scrollWidth > button.clientWidth + 1)
        .map((button) => button.textContent);
      return { width: element.clientWidth, beyond, clipped, scrolls: element.scrollWidth > element.clientWidth };
    });
  }

  return {
    pane,
    grid,
    choose,
    showSheet,
    cellAt,
    setField,
    addFromCatalogue,
    paneLayout,
    axeViolations,
    paneAxeViolations: () => axeViolations('[aria-label="Task pane"]'),
    line: (n: number) => pane().getByRole("group", { name: `Line ${n}`, exact: true }),
    text: (selector: string) => pane().locator(selector).textContent(),
    /** The message bar titled so. */
    messageBar: (title: string) => pane().getByRole("group", { name: title }),
    focused: () => page().evaluate(() => document.activeElement?.id ?? ""),
    announced: () => page().evaluate(() => (window as unknown as { announced: string[] }).announced),
    workbook: () => page().getByRole("region", { name: "Workbook" }),
  };
}
