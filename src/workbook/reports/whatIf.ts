// The What-if sheet: a pure builder from the price table's shape to a SheetSpec of live formulas. The pane writes
// it once; from then on Excel (or the preview) recalculates it on every edit of a proposed price, with no pane code
// on the way: a price typed in ProposedPricePoints → PB.INDICATIVE_BUDGET and PB.REPRICE → this sheet and its charts.
//
// Each spilled formula is written to one cell; Excel spills it when Range.formulas sets it ("Handle dynamic arrays
// and spilling using the Excel JavaScript API", learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-ranges-
// dynamic-arrays). The formulas keep to what Excel (365 / 2021), HyperFormula and the preview's formula library all
// calculate alike: PB functions, operators and ROUND applied cell by cell, spill references (A1#), SEQUENCE, ROWS,
// COUNTIFS, SUMIFS, MINIFS, MAXIFS, INDEX, IF, MAX, ABS and CEILING. They avoid other functions applied to each cell
// of an array (IFERROR over a column), which the preview does not apply cell by cell, SORT and FILTER, which give an
// error when any cell they sort holds one (a person who cannot be priced), and TEXT, whose formats HyperFormula
// reads differently. Excel's *IFS functions skip error cells that fail a criterion, so the rankings and counts
// below leave out people who cannot be priced without hiding their rows.
//
// Every money cell is pence: a change is proposed − current rounded to the penny (ROUND), as the budgets are. Amounts
// are still compared with half a penny's tolerance (±0.005), so a bound between two pence is never a matter of the
// last binary digit. Every criterion set
// includes a ">" criterion or a "<" against a number 0 or more: the preview's criteria (formulajs) compare an error
// cell with a negative number as text, and such a pair rejects error cells there too.
import { LossCap } from "../../engine";
import { a1, CellAddress, CellRange, ChartSeriesStyle, ChartSpec, SheetSpec } from "../port";
import { MONEY_FORMAT } from "../schema/columns";
import { PEOPLE, PRICE_POINTS } from "../schema/tables";
import { protectionBlock, PROTECTION_ROWS } from "./protectionBlock";
import { Cells, columnOf, fixed, fixedRange } from "./specCells";

export interface WhatIfSheetInput {
  /** The sheet's name, not yet taken in the workbook. */
  readonly name: string;
  /** The proposal's table: ProposedPricePoints, or ProposedPricePoints_<name> (proposals.ts). */
  readonly proposed: string;
  /** The current price table's care groups in its column order (one name when one column prices everyone). */
  readonly careGroups: readonly string[];
  /** A category price table's categories (outcomes-based RAS); absent for a table of points bands. */
  readonly categories?: readonly string[];
  /** A table of points bands: the header of its lower bounds' column (in both tables) and how many bands it has. */
  readonly bands?: { readonly header: string; readonly count: number };
  /** How many people People holds now: the per-person rows given money formats (their spill grows beyond). */
  readonly people: number;
  /** The cap on losses the sheet starts with (its cells can be edited); none when absent. */
  readonly cap?: LossCap | null;
}

/** The percentage format of the summary's Change % (a fraction rounded to 4 places: 2 places of a percent). */
export const CHANGE_PERCENT_FORMAT = "0.00%";
/** How many of the largest losses and gains are listed. */
export const RANKED = 10;
/**
 * Bands ProposedPricePoints may gain after the sheet is written, still drawn exactly: the RAS curves are plotted at 0,
 * at every lower bound of either table and at the end (the cohort's highest points or the highest bound).
 */
export const SPARE_BANDS = 4;
/** The points the RAS curves are plotted at, at most, for a table of this many bands. */
export const curvePoints = (bands: number) => 2 * bands + 2 + SPARE_BANDS;
/**
 * One colour per care group (current solid, proposed dashed), Fluent's shared colours; then again. The blue is not the
 * theme's brand colour, #0F6CBD, which only the pages' theme carries (build.test.ts).
 */
export const CARE_GROUP_COLOURS = ["#005A9E", "#C50F1F", "#107C10", "#8764B8", "#CA5010", "#038387", "#986F0B"];
/** The same colours lighter: the proposed columns of a category table, beside the current ones. */
const LIGHTER_COLOURS = ["#62ABF5", "#EE6F7C", "#54B054", "#B9A2DC", "#F29D6B", "#4CBFC2", "#D8B15B"];
/** Pounds with thousands separators and no pence: the RAS curves' value axis (not Excel's "5.69k"). */
export const POUNDS_AXIS_FORMAT = "£#,##0";
/** Bands of £ change each side of "No change" in the distribution chart. */
export const CHANGE_BANDS = 5;
/** Per-person rows given number formats at most (a SheetSpec formats cells one by one). */
const FORMATTED_PEOPLE = 2_000;
/** Half a penny: amounts closer than this are the same amount in pence. */
const HALF_PENNY = 0.005;

const people = (column: keyof typeof PEOPLE.columns) => `${PEOPLE.name}[${PEOPLE.columns[column].header}]`;
const CURRENT = `${PRICE_POINTS.name}[#All]`;

/**
 * Where each part of the sheet is, 0-based. The per-person block spills down from below the summary, so what
 * reads it sits to its right: the preview calculates a formula above and left of a range before reading the range
 * (it might spill into it), so nothing that reads the per-person spill may sit above and left of its columns.
 */
export interface WhatIfLayout {
  readonly status: CellAddress;
  readonly summary: CellRange;
  /** The per-person block: its header row, then one spilled formula a column. */
  readonly everyone: CellAddress;
  /** The ranked lists: their header row and ten rows. */
  readonly losses: CellRange;
  readonly gains: CellRange;
  readonly curve: CellRange;
  readonly distribution: CellRange;
  /** Transitional protection: the cap's two cells (their labels' first cell), and the totals (protectionBlock.ts). */
  readonly cap: CellAddress;
  readonly protection: CellRange;
  /** Where the two charts sit. */
  readonly charts: { readonly curve: CellRange; readonly distribution: CellRange };
}

/** The per-person block's columns, in order. */
export const EVERYONE_HEADERS = [
  "Person ID",
  "Name",
  "Care group",
  "Points",
  "Current",
  "Proposed",
  "Change",
  "Row in People",
  "First year",
  "Protection",
] as const;
/** The ranked lists' columns, in order. */
export const RANKED_HEADERS = ["Person ID", "Name", "Care group", "Change", "Row in People"] as const;

/** Charts sit between the ranked lists and their data. */
const CHART_COLUMN = 16;

export function whatIfLayout(input: Pick<WhatIfSheetInput, "careGroups" | "categories" | "bands">): WhatIfLayout {
  // The summary spills a header, a row per care group, Total and (when someone is not priced) Not priced.
  const summary = { row: 5, column: 0, rows: input.careGroups.length + 3, columns: 9 };
  const everyone = { row: summary.row + summary.rows + 2, column: 0 };
  const losses = { row: 5, column: 10, rows: RANKED + 1, columns: RANKED_HEADERS.length };
  const gains = { ...losses, row: losses.row + losses.rows + 2 };
  const dataColumn = 26;
  const curveRows = (input.categories?.length ?? curvePoints(input.bands?.count ?? 0)) + 1;
  const curve = { row: 2, column: dataColumn, rows: curveRows, columns: 1 + 2 * input.careGroups.length };
  const distribution = { row: curve.row + curve.rows + 4, column: dataColumn, rows: 2 * CHANGE_BANDS + 2, columns: 2 };
  const protection = { row: gains.row + gains.rows + 2, column: losses.column, rows: PROTECTION_ROWS, columns: 3 };
  const cap = { row: 0, column: losses.column };
  const charts = {
    curve: { row: 0, column: CHART_COLUMN, rows: 18, columns: 9 },
    distribution: { row: 19, column: CHART_COLUMN, rows: 18, columns: 9 },
  };
  return {
    status: { row: 2, column: 0 },
    summary,
    everyone,
    losses,
    gains,
    curve,
    distribution,
    cap,
    protection,
    charts,
  };
}

/** The What-if sheet for a workbook whose current price table has these care groups (and categories, if any). */
export function whatIfSheet(input: WhatIfSheetInput): SheetSpec {
  const layout = whatIfLayout(input);
  const sheet = new Cells();
  sheet.title(0, 0, "Price what-if: the proposed price points against the current ones");
  sheet.value(
    1,
    0,
    `Live formulas: edit a price or a band in the ${input.proposed} table and everything here ` +
      `recalculates. Current: ${PRICE_POINTS.name}; people: ${PEOPLE.name}. Annual £.`,
  );
  const charts = whatIfBlocks(sheet, input, layout);
  return {
    name: input.name,
    cells: sheet.cells(),
    charts,
    columnWidths: [24, 22, 22, 14, 14, 14, 14, 14, 14, 14, 12, 22, 22, 14, 14, 3],
  };
}

/**
 * Everything the What-if sheet calculates, at the places `layout` gives: the per-person block every other part
 * reads, the summary and the status line over it, the ranked lists, the cap on losses and its totals, and the two
 * charts with their data. The Committee pack lays the same parts out to print (committeePack.ts).
 */
export function whatIfBlocks(sheet: Cells, input: WhatIfSheetInput, layout: WhatIfLayout): ChartSpec[] {
  const proposed = `${input.proposed}[#All]`;
  const { formula, title, formats } = sheet;

  // Per person: the data every other part reads.
  const first = layout.everyone.row + 1;
  const at = (column: number) => layout.everyone.column + column;
  const spill = (column: number) => `${fixed({ row: first, column: at(column) })}#`;
  const change = spill(6);
  const rowInPeople = spill(7);
  const formatted = Math.max(1, Math.min(input.people, FORMATTED_PEOPLE));
  formats({ row: first, column: at(4), rows: formatted, columns: 3 }, MONEY_FORMAT);
  formats({ row: first, column: at(8), rows: formatted, columns: 2 }, MONEY_FORMAT);

  // The summary: PB.REPRICE, as live as the rest.
  const { summary } = layout;
  formats({ row: summary.row + 1, column: summary.column + 2, rows: summary.rows - 1, columns: 3 }, MONEY_FORMAT);
  formats(
    { row: summary.row + 1, column: summary.column + 5, rows: summary.rows - 1, columns: 1 },
    CHANGE_PERCENT_FORMAT,
  );
  // Who cannot be priced, from the spilled summary itself: its last row is "Not priced" when someone is left out,
  // wherever a care group added since has moved it. The summary may be one error (a proposed price that is not a
  // number): then it says so, rather than that everyone is priced.
  const anchor = fixed(summary);
  const last = (column: number) => `INDEX(${anchor}#,ROWS(${anchor}#),${column})`;
  formula(
    layout.status.row,
    layout.status.column,
    `=IF(ISERROR(${anchor}),"The summary by care group (${a1(summary)}) shows an error, so nothing on this sheet ` +
      `can be worked out: select ${a1(summary)} to see why, and put right the table it names.",` +
      `IF(${last(1)}="Not priced",${last(2)}&" of "&ROWS(${people("personId")})&" people in ${PEOPLE.name} cannot ` +
      `be priced: their rows under Everyone show an error (select it to see why) and no total counts them.",` +
      `"Everyone in ${PEOPLE.name} is priced under both tables."))`,
  );
  title(summary.row - 1, summary.column, "Summary by care group");
  formula(
    summary.row,
    summary.column,
    `=PB.REPRICE(${people("points")},${CURRENT},${proposed},${people("careGroup")})`,
  );

  (["losses", "gains"] as const).forEach((kind) => ranked(sheet, layout[kind], kind, change, rowInPeople));

  const perPerson = protectionBlock(sheet, layout.cap, layout.protection, input.cap ?? null, {
    current: spill(4),
    proposed: spill(5),
    firstYear: spill(8),
    protection: spill(9),
  });

  title(
    layout.everyone.row - 1,
    layout.everyone.column,
    `Everyone in ${PEOPLE.name}: annual budget now, as proposed and in the first year under the cap`,
  );
  EVERYONE_HEADERS.forEach((header, column) => title(layout.everyone.row, at(column), header));
  const budget = (table: string) => `=PB.INDICATIVE_BUDGET(${people("points")},${table},${people("careGroup")})`;
  const everyone = [
    `=${people("personId")}&""`,
    `=${people("name")}&""`,
    `=${people("careGroup")}&""`,
    // A category table's people hold a category here: kept as text. Points stay numbers (× 1).
    input.categories ? `=${people("points")}&""` : `=${people("points")}*1`,
    budget(CURRENT),
    budget(proposed),
    // To the penny: proposed − current in floating point can be −319.2000000000007.
    `=ROUND(${spill(5)}-${spill(4)},2)`,
    `=SEQUENCE(ROWS(${people("personId")}))`,
    perPerson.firstYear,
    perPerson.protection,
  ];
  everyone.forEach((text, column) => formula(first, at(column), text));

  return [
    curve(sheet, input, layout.curve, layout.charts.curve),
    distributionOf(sheet, layout.distribution, change, layout.charts.distribution),
  ];
}

/**
 * The ten largest losses (most negative change first) or gains (most positive first), one row a rank. Each row
 * finds its change from the row above: the same change again while more people share it, else the next one; then
 * the first person with that change not yet listed (by their row in People). "" when there are fewer.
 */
function ranked(sheet: Cells, block: CellRange, kind: "losses" | "gains", change: string, rowInPeople: string) {
  const { formula, title, formats } = sheet;
  title(
    block.row - 1,
    block.column,
    kind === "losses" ? "Ten largest losses (worse off as proposed)" : "Ten largest gains (better off as proposed)",
  );
  RANKED_HEADERS.forEach((header, column) => title(block.row, block.column + column, header));
  formats({ row: block.row + 1, column: block.column + 3, rows: RANKED, columns: 1 }, MONEY_FORMAT);
  const losses = kind === "losses";
  const side = losses ? `"<0"` : `">0"`;
  const count = `COUNTIFS(${change},${side})`;
  for (let rank = 1; rank <= RANKED; rank++) {
    const row = block.row + rank;
    const at = (column: number) => a1({ row, column: block.column + column });
    const above = (column: number) => a1({ row: row - 1, column: block.column + column });
    const amount = at(3);
    let next: string;
    if (rank === 1) {
      next = `${losses ? "MINIFS" : "MAXIFS"}(${change},${change},${side})`;
    } else {
      const previous = above(3);
      // People with a change at or beyond the previous one (the ranks so far and any sharing its change).
      const reached = losses
        ? `${count}-COUNTIFS(${change},">"&(${previous}+${HALF_PENNY}),${change},"<0")`
        : `COUNTIFS(${change},">"&(${previous}-${HALF_PENNY}))`;
      const beyond = losses
        ? `MINIFS(${change},${change},">"&(${previous}+${HALF_PENNY}),${change},"<0")`
        : `MAXIFS(${change},${change},"<"&(${previous}-${HALF_PENNY}),${change},">0")`;
      next = `IF(${reached}>=${rank},${previous},${beyond})`;
    }
    formula(row, block.column + 3, `=IF(${count}<${rank},"",${next})`);
    const after = rank === 1 ? "0" : `IF(${amount}=${above(3)},${above(4)},0)`;
    formula(
      row,
      block.column + 4,
      `=IF(${amount}="","",MINIFS(${rowInPeople},${change},">"&(${amount}-${HALF_PENNY}),` +
        `${change},"<"&(${amount}+${HALF_PENNY}),${rowInPeople},">"&${after}))`,
    );
    (["personId", "name", "careGroup"] as const).forEach((column, position) =>
      formula(row, block.column + position, `=IF(${at(4)}="","",INDEX(${people(column)},${at(4)}))`),
    );
  }
}

/**
 * Figure 4 of the Audit Commission's report: annual £ against points, one line per care group, current and
 * proposed. Marginal pricing is a straight line between lower bounds, so the curves are plotted at 0, at every
 * lower bound of either table, in order, and at the end (the cohort's highest points, or the highest bound if
 * above): each bend exactly where it is. The rows left once the end is reached are #N/A. A category table gives
 * each category's amount.
 */
function curve(sheet: Cells, input: WhatIfSheetInput, block: CellRange, at: CellRange): ChartSpec {
  const { formula, value, title, formats } = sheet;
  const { row, column } = block;
  const categories = input.categories;
  const xs = { row: row + 1, column, rows: block.rows - 1, columns: 1 };
  if (categories) {
    title(row - 2, column, "Amount for each category");
    title(row, column, "Category");
    categories.forEach((category, at) => value(row + 1 + at, column, category));
  } else {
    const highest = { row: row - 2, column: column + 1 };
    const highestBound = { row: row - 2, column: column + 3 };
    const header = input.bands?.header ?? "";
    const bounds = [PRICE_POINTS.name, input.proposed].map((table) => columnOf(table, header));
    title(highest.row, column, `Highest points in ${PEOPLE.name}`);
    formula(highest.row, highest.column, `=MAXIFS(${people("points")},${people("points")},">=0")`);
    title(highestBound.row, column + 2, "Highest lower bound");
    // *IFS functions skip a bound that is not a number (an error then shows in the summary, not here).
    formula(
      highestBound.row,
      highestBound.column,
      `=MAX(${bounds.map((bound) => `MAXIFS(${bound},${bound},">=0")`).join(",")})`,
    );
    const end = `MAX(${fixed(highest)},${fixed(highestBound)})`;
    title(row, column, "Points");
    value(row + 1, column, 0);
    for (let at = row + 2; at < row + block.rows; at++) {
      const previous = a1({ row: at - 1, column });
      const next = bounds.map(
        (bound) => `IF(COUNTIFS(${bound},">"&${previous})=0,${end},MINIFS(${bound},${bound},">"&${previous}))`,
      );
      // #N/A once the end is reached: Excel plots no point there (nor does the preview), and the rows below follow.
      formula(at, column, `=IF(${previous}>=${end},NA(),MIN(${end},${next.join(",")}))`);
    }
  }
  title(row - 1, column, "Care group");
  formats({ row: row + 1, column: column + 1, rows: block.rows - 1, columns: block.columns - 1 }, MONEY_FORMAT);
  const styles: ChartSeriesStyle[] = [];
  input.careGroups.forEach((careGroup, group) => {
    [
      ["current", CURRENT],
      ["proposed", `${input.proposed}[#All]`],
    ].forEach(([which, table], side) => {
      const at = column + 1 + 2 * group + side;
      // The care group named once above its two columns; the formulas read it from there.
      value(row - 1, at, careGroup);
      title(row, at, `${careGroup} (${which})`);
      formula(row + 1, at, `=PB.INDICATIVE_BUDGET(${fixedRange(xs)},${table},${fixed({ row: row - 1, column: at })})`);
      const colour = group % CARE_GROUP_COLOURS.length;
      styles.push(
        categories
          ? { color: (side === 0 ? CARE_GROUP_COLOURS : LIGHTER_COLOURS)[colour] }
          : { color: CARE_GROUP_COLOURS[colour], lineStyle: side === 0 ? "Continuous" : "Dash" },
      );
    });
  });
  return {
    name: "RAS curves",
    title: categories ? "Indicative budget by category, current and proposed" : "RAS curves, current and proposed",
    type: categories ? "columnClustered" : "xyScatterLines",
    source: block,
    at,
    xAxisTitle: categories ? "Category" : "Points",
    yAxisTitle: "Annual £",
    series: styles,
    valueAxisFormat: POUNDS_AXIS_FORMAT,
    everyCategoryLabelled: categories !== undefined,
  };
}

/** People by band of £ change: equal bands each side of "No change", wide enough for the largest change. */
function distributionOf(sheet: Cells, block: CellRange, change: string, chartAt: CellRange): ChartSpec {
  const { formula, value, title } = sheet;
  const { row, column } = block;
  const largest = { row: row - 3, column: column + 1 };
  const width = { row: row - 2, column: column + 1 };
  title(row - 4, column, "Distribution of change");
  title(largest.row, column, "Largest change either way");
  formula(largest.row, largest.column, `=MAX(ABS(MINIFS(${change},${change},"<0")),MAXIFS(${change},${change},">0"))`, {
    numberFormat: MONEY_FORMAT,
  });
  title(width.row, column, "Band width");
  // A round width: the largest change in five bands, up to the next £10 (£10 at least).
  formula(width.row, width.column, `=MAX(10,CEILING(${fixed(largest)}/${CHANGE_BANDS},10))`, {
    numberFormat: MONEY_FORMAT,
  });
  title(row, column, "Change in annual budget");
  title(row, column + 1, "People");
  const w = fixed(width);
  /** n band widths, as a formula's term. */
  const times = (n: number) => (n === 1 ? w : `${n}*${w}`);
  let at = row + 1;
  const band = (label: string, count: string) => {
    formula(at, column, label);
    formula(at, column + 1, count);
    at++;
  };
  // Losses from the largest: from −(n+1) widths to −n widths (a loss of exactly n widths is in the band below),
  // each bound half a penny inside, as changes are in pence.
  for (let n = CHANGE_BANDS - 1; n >= 0; n--) {
    const below = n === 0 ? `"<-${HALF_PENNY}"` : `"<"&(-${times(n)}-${HALF_PENNY})`;
    band(
      n === 0 ? `="Lose up to £"&${w}` : `="Lose £"&${times(n)}&"–"&${times(n + 1)}`,
      `=COUNTIFS(${change},">"&(-${times(n + 1)}-${HALF_PENNY}),${change},${below})`,
    );
  }
  value(at, column, "No change");
  formula(at, column + 1, `=COUNTIFS(${change},">-${HALF_PENNY}",${change},"<${HALF_PENNY}")`);
  at++;
  for (let n = 0; n < CHANGE_BANDS; n++) {
    const above = n === 0 ? `">${HALF_PENNY}"` : `">"&(${times(n)}+${HALF_PENNY})`;
    band(
      n === 0 ? `="Gain up to £"&${w}` : `="Gain £"&${times(n)}&"–"&${times(n + 1)}`,
      `=COUNTIFS(${change},${above},${change},"<"&(${times(n + 1)}+${HALF_PENNY}))`,
    );
  }
  return {
    name: "Change distribution",
    title: "People by change in annual budget",
    type: "columnClustered",
    source: block,
    at: chartAt,
    xAxisTitle: "Change in annual budget",
    yAxisTitle: "People",
    series: [{ color: CARE_GROUP_COLOURS[0] }],
    valueAxisFormat: "#,##0",
    everyCategoryLabelled: true,
    valueLabels: true,
  };
}
