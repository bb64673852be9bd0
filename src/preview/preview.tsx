// Excel's CustomFunctions global first: the functions module uses it as soon as it loads.
import "./customFunctionsRuntime";
import { FluentProvider, makeStyles, tokens } from "@fluentui/react-components";
import { useState } from "react";
import { createRoot } from "react-dom/client";
import * as PB from "../functions/functions";
import { App } from "../taskpane/App";
import { PAGE_THEME } from "../taskpane/theme";
import { whenDrawnAndIdle } from "../taskpane/whenDrawnAndIdle";
import { customFunctionLibrary, GeneratedFunctions } from "../workbook/memory/customFunctions";
import { MemoryWorkbook } from "../workbook/memory/memoryWorkbook";
import { prepareSheetGrid, WorkbookView } from "./WorkbookView";

/** functions.json and the associate list, as the webpack build generated them from functions.ts (DefinePlugin). */
declare const PB_FUNCTIONS_METADATA: GeneratedFunctions;

// The real pane beside an in-memory workbook that calculates with the same PB functions. Nothing leaves the page.
// Its formula engine (fast-formula-parser, most of the preview's code) is fetched and run once the page has drawn
// and is idle (below), or sooner if a formula needs it: start-up neither waits for it nor shares the main thread
// with it (a prefetch at start-up cost the main thread about 14 ms at 4× slowdown before the first frame).
const workbook = new MemoryWorkbook({
  formulas: {
    load: () =>
      import(/* webpackChunkName: "formulas" */ "../workbook/memory/formulaEngine").then(
        (module) => module.formulaEngine,
      ),
  },
  functions: customFunctionLibrary(PB_FUNCTIONS_METADATA, PB),
});
// For trying sheet specs and formulas from the browser's console: previewWorkbook.addSheet({ … }). previewColleague
// is the same workbook as a colleague co-authoring it has it: their previewColleague.editTables([…]) is a change the
// pane hears of as a co-author's, as in Excel (README, "Working with colleagues").
Object.assign(window, { previewWorkbook: workbook, previewColleague: workbook.colleague() });

/** Task pane widths: Excel opens a pane 320 px wide by default; users can widen it. */
const WIDTHS = { "320": "320 px (Excel's default)", "350": "350 px", "500": "Wide (500 px)" } as const;
type Width = keyof typeof WIDTHS;

const useStyles = makeStyles({
  page: { display: "flex", alignItems: "flex-start", minHeight: "100vh" },
  side: { flexShrink: 0, borderRight: `1px solid ${tokens.colorNeutralStroke2}`, minHeight: "100vh" },
  widths: {
    display: "flex",
    alignItems: "center",
    gap: "8px",
    padding: "4px 12px",
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
  },
  widthBox: {
    flexGrow: 1,
    minWidth: 0,
    padding: "2px 4px",
    font: "inherit",
    color: tokens.colorNeutralForeground1,
    backgroundColor: tokens.colorNeutralBackground1,
    border: `1px solid ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  pane: { overflowX: "auto" },
});

function Preview() {
  const styles = useStyles();
  const [width, setWidth] = useState<Width>("320");
  return (
    <div className={styles.page}>
      <div className={styles.side} style={{ width: Number(width) }}>
        {/* The preview's own control, a plain select: Fluent's Field and Select took a tenth of the first render. */}
        <div className={styles.widths}>
          <label htmlFor="pane-width">Task pane width</label>
          <select
            id="pane-width"
            className={styles.widthBox}
            value={width}
            onChange={(event) => setWidth(event.currentTarget.value as Width)}
          >
            {Object.entries(WIDTHS).map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        </div>
        <aside aria-label="Task pane" className={styles.pane}>
          <App workbook={workbook} />
        </aside>
      </div>
      <WorkbookView workbook={workbook} />
    </div>
  );
}

createRoot(document.getElementById("root")!).render(
  <FluentProvider theme={PAGE_THEME}>
    <Preview />
  </FluentProvider>,
);
// After the first frame, when the page is idle: "Set up workbook" needs the engine and then shows the grid, so
// both are there before most clicks.
whenDrawnAndIdle(() => {
  void workbook.prepareFormulas();
  void prepareSheetGrid();
});
