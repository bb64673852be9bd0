import { makeStyles, Tab, TabList, Text, tokens } from "@fluentui/react-components";
import { useEffect, useState } from "react";
import { MemoryWorkbook } from "../workbook/memory/memoryWorkbook";
import { CellValue } from "../workbook/port";
import { DATE_FORMAT, DATE_TIME_FORMAT, MONEY_FORMAT, PERCENT_FORMAT } from "../workbook/schema/columns";

const useStyles = makeStyles({
  view: { flexGrow: 1, padding: "12px", overflowX: "auto", minWidth: 0 },
  table: {
    borderCollapse: "collapse",
    fontSize: tokens.fontSizeBase200,
    "& th, & td": { border: `1px solid ${tokens.colorNeutralStroke2}`, padding: "2px 6px", whiteSpace: "nowrap" },
    "& th": { backgroundColor: tokens.colorNeutralBackground3, textAlign: "left" },
  },
  formula: { fontFamily: tokens.fontFamilyMonospace, color: tokens.colorNeutralForeground3 },
});

const pounds = new Intl.NumberFormat("en-GB", { style: "currency", currency: "GBP" });
const percent = new Intl.NumberFormat("en-GB", { style: "percent", minimumFractionDigits: 1, maximumFractionDigits: 1 });
const day = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" });
const minute = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });
const fromSerial = (serial: number) => new Date(Date.UTC(1899, 11, 30) + serial * 86_400_000);

/** A cell as Excel would show it with the number formats the starter tables use. */
function display(cell: CellValue, format: string | undefined): string {
  if (cell === null) return "";
  if (typeof cell === "number" && format === MONEY_FORMAT) return pounds.format(cell);
  if (typeof cell === "number" && format === PERCENT_FORMAT) return percent.format(cell);
  if (typeof cell === "number" && format === DATE_FORMAT) return day.format(fromSerial(cell));
  if (typeof cell === "number" && format === DATE_TIME_FORMAT) return minute.format(fromSerial(cell));
  return String(cell);
}

/** The in-memory workbook shown as Excel would: one tab per sheet, each table as a grid. */
export function WorkbookView({ workbook }: { workbook: MemoryWorkbook }) {
  const styles = useStyles();
  const [tables, setTables] = useState(() => workbook.allTables());
  const [selected, setSelected] = useState<string | null>(null);
  useEffect(() => workbook.onChange(() => setTables(workbook.allTables())), [workbook]);
  const shown = tables.find((table) => table.name === selected) ?? tables[0];
  return (
    <section aria-label="Workbook" className={styles.view}>
      <Text as="h2" weight="semibold">
        Workbook (in memory)
      </Text>
      {tables.length === 0 ? (
        <Text as="p">The workbook is empty. Use "Set up workbook" in the pane to add the starter tables.</Text>
      ) : (
        <>
          <TabList selectedValue={shown.name} onTabSelect={(_, data) => setSelected(String(data.value))}>
            {tables.map((table) => (
              <Tab key={table.name} value={table.name}>
                {table.sheet}
              </Tab>
            ))}
          </TabList>
          <table className={styles.table} aria-label={shown.name} data-table={shown.name}>
            <thead>
              <tr>
                {shown.headers.map((header) => (
                  <th key={header}>{header}</th>
                ))}
              </tr>
            </thead>
            <tbody>
              {shown.rows.map((row, index) => (
                <tr key={index}>
                  {row.map((cell, column) => (
                    <td
                      key={column}
                      className={typeof cell === "string" && cell.startsWith("=") ? styles.formula : undefined}
                    >
                      {display(cell, shown.columns[column]?.numberFormat)}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
          <Text as="p" size={200}>
            Formulas are shown as written; Excel calculates them with the PB functions.
          </Text>
        </>
      )}
    </section>
  );
}
