import {
  GroupedVerticalBarChart,
  HorizontalBarChartWithAxis,
  LineChart,
  LineChartPoints,
} from "@fluentui/react-charts";
import { makeStyles, Text, tokens } from "@fluentui/react-components";
import { SheetView } from "../workbook/memory/memoryWorkbook";
import { ChartSpec } from "../workbook/port";
import { displayed } from "./cells";

const useStyles = makeStyles({
  charts: { display: "flex", flexWrap: "wrap", gap: "16px", marginTop: "12px" },
  chart: { margin: 0, padding: "8px", border: `1px solid ${tokens.colorNeutralStroke2}` },
  // The charts size themselves to their container: a fixed box keeps them to the size the spec asks for.
  box: { overflow: "hidden" },
});

/** A chart's source block, calculated: series names from its first row, categories from its first column. */
export function chartData(sheet: SheetView, chart: ChartSpec) {
  const { row, column, rows, columns } = chart.source;
  const categories = Array.from({ length: rows - 1 }, (_, at) => sheet.cell(row + 1 + at, column));
  const series = Array.from({ length: columns - 1 }, (_, at) => ({
    name: displayed(sheet.cell(row, column + 1 + at)),
    values: categories.map((_, index) => {
      const cell = sheet.cell(row + 1 + index, column + 1 + at);
      return typeof cell.value === "number" && !cell.error ? cell.value : null;
    }),
  }));
  return { categories, series };
}

/** The sheet's charts, drawn from their calculated source cells, so they move when a cell changes. */
/** A chart's size in pixels, from the cells it covers (an Excel column is about 64 px wide, a row 20 px high). */
function sizeOf(chart: ChartSpec) {
  return {
    width: Math.max(320, Math.min(chart.at.columns * 64, 720)),
    height: Math.max(220, Math.min(chart.at.rows * 20, 420)),
  };
}

export function SheetCharts({ sheet }: { sheet: SheetView }) {
  const styles = useStyles();
  if (sheet.charts.length === 0) return null;
  return (
    <div className={styles.charts}>
      {sheet.charts.map((chart) => (
        <figure key={chart.name} className={styles.chart} data-chart={chart.name}>
          <Text as="h3" weight="semibold" size={300}>
            {chart.title}
          </Text>
          <div className={styles.box} style={sizeOf(chart)}>
            <Chart sheet={sheet} chart={chart} />
          </div>
        </figure>
      ))}
    </div>
  );
}

function Chart({ sheet, chart }: { sheet: SheetView; chart: ChartSpec }) {
  const { categories, series } = chartData(sheet, chart);
  const size = sizeOf(chart);
  const axes = { xAxisTitle: chart.xAxisTitle, yAxisTitle: chart.yAxisTitle };
  if (chart.type === "line" || chart.type === "xyScatterLines") {
    // Numbers along the x axis are plotted at their value; text categories one after another.
    const numeric = categories.every((cell) => typeof cell.value === "number" && !cell.error);
    const lineChartData: LineChartPoints[] = series.map(({ name, values }) => ({
      legend: name,
      data: values.flatMap((y, index) =>
        y === null
          ? []
          : [
              {
                x: numeric ? (categories[index].value as number) : index + 1,
                y,
                xAxisCalloutData: displayed(categories[index]),
              },
            ],
      ),
    }));
    return <LineChart data={{ chartTitle: chart.title, lineChartData }} {...size} {...axes} />;
  }
  if (chart.type === "barClustered" && series.length === 1) {
    const data = categories.flatMap((category, index) => {
      const x = series[0].values[index];
      return x === null ? [] : [{ x, y: displayed(category), legend: series[0].name }];
    });
    return <HorizontalBarChartWithAxis chartTitle={chart.title} data={data} {...size} {...axes} />;
  }
  // Clustered columns, and clustered bars of several series, as groups of columns.
  const data = categories.map((category, index) => ({
    name: displayed(category),
    series: series.map(({ name, values }) => ({ key: name, legend: name, data: values[index] ?? 0 })),
  }));
  return <GroupedVerticalBarChart chartTitle={chart.title} data={data} {...size} {...axes} />;
}
