import { FluentProvider } from "@fluentui/react-components";
import { createRoot } from "react-dom/client";
import { OfficeWorkbook } from "../workbook/office/officeWorkbook";
import { App } from "./App";
import { PAGE_THEME } from "./theme";

/** The requirement sets manifest.xml declares, written in by the build (webpack.config.js). */
declare const REQUIRED_SETS: readonly { name: string; version: string }[];

// Shared runtime: this page also runs the PB functions. The pane talks to Excel only through OfficeWorkbook.
// The pane is the page's main content (in the browser preview it sits inside the preview's own landmark).
const root = createRoot(document.getElementById("root")!);

void Office.onReady((info) => {
  if (info.host !== Office.HostType.Excel) {
    document.getElementById("outside-excel")!.hidden = false;
    return;
  }
  // Office should not load the add-in where a declared set is missing; say so plainly if it ever does.
  const missing = REQUIRED_SETS.filter((set) => !Office.context.requirements.isSetSupported(set.name, set.version));
  if (missing.length > 0) {
    const unsupported = document.getElementById("unsupported")!;
    unsupported.textContent =
      `This version of Excel cannot run Personal Budgets: it needs ` +
      `${missing.map((set) => `${set.name} ${set.version}`).join(" and ")}. ` +
      `Update Office (File › Account › Update Options), or use Excel on the web.`;
    unsupported.hidden = false;
    return;
  }
  root.render(
    <FluentProvider theme={PAGE_THEME}>
      <main>
        <App workbook={new OfficeWorkbook()} />
      </main>
    </FluentProvider>,
  );
});
