import { makeStyles, Text } from "@fluentui/react-components";
import { lazy, Suspense, useEffect, useState } from "react";
import { CellContent, MemoryWorkbook } from "../workbook/memory/memoryWorkbook";
import { TabStrip } from "../taskpane/TabStrip";
import { WorkbookRefusal } from "../workbook/port";

// The grid and its number formats (SSF, about a third of the preview's own code) come with the first sheet: the
// preview opens on an empty workbook, and fetches them once it has drawn and is idle (prepareSheetGrid).
const sheetGrid = () => import(/* webpackChunkName: "sheet-grid" */ "./SheetGrid");
const SheetGrid = lazy(() => sheetGrid().then((module) => ({ default: module.SheetGrid })));

/** Fetches the grid ahead of the first sheet. A failure is kept quiet here: showing a sheet fetches it again. */
export const prepareSheetGrid = (): Promise<void> =>
  sheetGrid().then(
    () => undefined,
    () => undefined,
  );

// The charting library is large and most sheets have no chart: it loads when a sheet with charts is shown.
const SheetCharts = lazy(() =>
  import(/* webpackChunkName: "charts" */ "./SheetCharts").then(({ SheetCharts }) => ({ default: SheetCharts })),
);

const useStyles = makeStyles({
  view: { flexGrow: 1, padding: "12px", minWidth: 0 },
});

/** The in-memory workbook shown as Excel would: one tab per sheet, calculated cells that can be edited, charts. */
export function WorkbookView({ workbook }: { workbook: MemoryWorkbook }) {
  const styles = useStyles();
  // Views calculate their cells when read; every change gives new ones.
  const [sheets, setSheets] = useState(() => workbook.sheetViews());
  const [selected, setSelected] = useState<string | null>(null);
  useEffect(() => workbook.onChange(() => setSheets(workbook.sheetViews())), [workbook]);
  const shown = sheets.find((sheet) => sheet.name === selected) ?? sheets[0];
  // Element ids by position: a sheet's name may hold spaces, which an id may not.
  const sheetTabId = (name: string) => `sheet-tab-${sheets.findIndex((sheet) => sheet.name === name)}`;

  const write = (row: number, column: number, content: CellContent): string | null => {
    try {
      workbook.setCell(shown.name, row, column, content);
      return null;
    } catch (error) {
      if (error instanceof WorkbookRefusal) return error.message;
      throw error;
    }
  };

  return (
    <section aria-label="Workbook" className={styles.view}>
      <Text as="h2" block weight="semibold">
        Workbook (in memory, calculated)
      </Text>
      {shown === undefined ? (
        <Text as="p" block>
          The workbook is empty. Use "Set up workbook" in the pane to add the starter tables.
        </Text>
      ) : (
        <>
          <TabStrip
            label="Sheets"
            tabs={sheets.map((sheet) => ({ id: sheet.name, label: sheet.name }))}
            selected={shown.name}
            idOf={sheetTabId}
            onSelect={setSelected}
          />
          <div role="tabpanel" aria-labelledby={sheetTabId(shown.name)}>
            <Suspense
              fallback={
                <Text as="p" block>
                  Drawing the sheet…
                </Text>
              }
            >
              <SheetGrid key={shown.name} sheet={shown} write={write} />
            </Suspense>
            {shown.charts.length > 0 && (
              <Suspense
                fallback={
                  <Text as="p" block>
                    Drawing the charts…
                  </Text>
                }
              >
                <SheetCharts sheet={shown} />
              </Suspense>
            )}
          </div>
          <Text as="p" block size={200}>
            Select a cell and type, or press Enter or F2, to change it: a value or a formula. Everything that depends on
            it is calculated again, PB functions included, as Excel would.
          </Text>
        </>
      )}
    </section>
  );
}
