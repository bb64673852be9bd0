import {
  GroupedVerticalBarChart,
  HorizontalBarChartWithAxis,
  LineChart,
  LineChartPoints,
} from "@fluentui/react-charts";
import { makeStyles, Text, tokens } from "@fluentui/react-components";
import { SheetView } from "../workbook/memory/memoryWorkbook";
import { ChartSpec } from "../workbook/port";
import { displayed, formatNumber } from "./cells";

const useStyles = makeStyles({
  charts: { display: "flex", flexWrap: "wrap", gap: "16px", marginTop: "12px" },
  chart: { margin: 0, padding: "8px", border: `1px solid ${tokens.colorNeutralStroke2}` },
  // The charts size themselves to their container: a fixed box keeps them to the size the spec asks for.
  box: { overflow: "hidden" },
  // Fluent capitalises legend text; a care group is named as the workbook names it.
  legendText: { textTransform: "none" },
});

/** A dashed line, as Excel draws ChartLineStyle "Dash". */
const DASH = "6 4";

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
  const styles = useStyles();
  const { categories, series } = chartData(sheet, chart);
  const size = sizeOf(chart);
  const valueFormat = chart.valueAxisFormat;
  const axes = {
    xAxisTitle: chart.xAxisTitle,
    yAxisTitle: chart.yAxisTitle,
    // Every series named in the legend, wrapping onto more lines rather than "+6 more".
    enabledLegendsWrapLines: true,
    legendProps: { styles: { text: styles.legendText } },
    ...(valueFormat && { yAxisTickFormat: (value: number) => formatNumber(value, valueFormat) }),
    // Room at the left for amounts such as £22,740 beside the axis title, and at the right for the last slanted
    // category's name.
    margins: { ...(valueFormat && { left: 90 }), ...(chart.everyCategoryLabelled && { right: 56 }) },
  };
  const styleOf = (at: number) => chart.series?.[at];
  if (chart.type === "line" || chart.type === "xyScatterLines") {
    // Numbers along the x axis are plotted at their value; text categories one after another. As in Excel, a point
    // whose x is an error (#N/A) is not plotted.
    const plotted = categories.filter((cell) => !cell.error);
    const numeric = plotted.length > 0 && plotted.every((cell) => typeof cell.value === "number");
    const lineChartData: LineChartPoints[] = series.map(({ name, values }, at) => ({
      legend: name,
      ...(styleOf(at) && { color: styleOf(at)!.color }),
      ...(styleOf(at)?.lineStyle === "Dash" && { lineOptions: { strokeDasharray: DASH } }),
      data: values.flatMap((y, index) =>
        y === null || categories[index].error
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
    series: series.map(({ name, values }, at) => ({
      key: name,
      legend: name,
      data: values[index] ?? 0,
      ...(styleOf(at) && { color: styleOf(at)!.color }),
    })),
  }));
  return (
    <GroupedVerticalBarChart
      chartTitle={chart.title}
      data={data}
      {...size}
      {...axes}
      // Every category named in full, slanted so that none is left out for room; each bar's value on it when asked.
      rotateXAxisLables={chart.everyCategoryLabelled}
      hideLabels={!chart.valueLabels}
      // Fluent labels a bar only when it is 16 px wide or more.
      {...(chart.valueLabels && { barWidth: 24 })}
    />
  );
}
