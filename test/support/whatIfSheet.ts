// The What-if sheet's figures two ways, for the sheet tests: worked out from the workbook's tables by the engine
// (repriceCohort, indicativeBudget) and plain arithmetic, and read off a calculated sheet (HyperFormula's, the
// in-memory workbook's). Both come out in the same shape, so one toEqual compares every part of the sheet.
import {
  Cell,
  CohortMember,
  EngineError,
  indicativeBudget,
  LossCap,
  parsePriceTable,
  protectLosses,
  repriceCohort,
  repricingSummary,
} from "../../src/engine";
import { PROTECTION_AT } from "../../src/workbook/reports/protectionBlock";
import { TableData } from "../../src/workbook/port";
import {
  CHANGE_BANDS,
  EVERYONE_HEADERS,
  RANKED,
  RANKED_HEADERS,
  WhatIfLayout,
} from "../../src/workbook/reports/whatIf";

/** A calculated cell as a test compares it: a number, text, "" when blank, or an error's code ("#N/A"). */
export type Shown = number | string | boolean;
export type CellReader = (row: number, column: number) => Shown;

export interface WhatIfFigures {
  readonly summary: Shown[][];
  readonly everyone: Shown[][];
  readonly losses: Shown[][];
  readonly gains: Shown[][];
  readonly curve: Shown[][];
  readonly distribution: Shown[][];
  readonly status: Shown;
  /** The protection block's figures: cap in use, basis points, pence, people protected, cost, first year, change. */
  readonly protection: Shown[];
}

const ERROR_CODE = /^#[A-Z/0!?]+/;
const isError = (cell: Shown): boolean => typeof cell === "string" && ERROR_CODE.test(cell) && cell.startsWith("#");
const pence = (amount: number) => Math.round(amount * 100) / 100;
const annual = { period: "annual", method: "marginal" } as const;

/** An engine result as the sheet shows it: the number, or the error a PB function gives for that failure. */
function priced(price: () => number): Shown {
  try {
    return price();
  } catch (error) {
    if (error instanceof EngineError) return error.kind === "notFound" ? "#N/A" : "#VALUE!";
    throw error;
  }
}

/** The figures the What-if sheet must show for these tables, worked out without a spreadsheet. */
export function expectedWhatIf(
  people: TableData,
  currentGrid: readonly (readonly Cell[])[],
  proposedGrid: readonly (readonly Cell[])[],
  layout: WhatIfLayout,
  careGroups: readonly string[],
  cap: LossCap | null = null,
): WhatIfFigures {
  const current = parsePriceTable(currentGrid);
  const proposed = parsePriceTable(proposedGrid);
  const column = (header: string) => people.headers.indexOf(header);
  const [id, name, group, points] = ["Person ID", "Name", "Care group", "Points"].map(column);
  const cohort: CohortMember[] = people.rows.map((row) =>
    typeof row[points] === "string" && isError(row[points])
      ? { points: null, careGroup: null, problem: String(row[points]) }
      : { points: row[points], careGroup: row[group] },
  );
  const repricing = repriceCohort(cohort, current, proposed, annual);
  const summary: Shown[][] = repricingSummary(repricing);
  while (summary.length < layout.summary.rows) summary.push(Array<Shown>(layout.summary.columns).fill(""));

  const budget = (table: typeof current, row: readonly Cell[]): Shown =>
    isError(row[points] as Shown)
      ? (row[points] as string)
      : priced(() => indicativeBudget(table, { points: row[points], careGroup: row[group] }, annual).toNumber());
  // The first year from the engine's rule (protectLosses), an error where the person is not priced.
  const protection = cap && protectLosses(repricing, cap);
  const everyone = people.rows.map((row, index): Shown[] => {
    const now = budget(current, row);
    const then = budget(proposed, row);
    const change = typeof then !== "number" ? then : typeof now !== "number" ? now : then - now;
    const first = typeof change !== "number" ? change : protection ? protection.firstYear[index] : then;
    const protectedBy = typeof first !== "number" || typeof then !== "number" ? first : pence(first - then);
    return [
      String(row[id]),
      String(row[name]),
      String(row[group]),
      row[points] as Shown,
      now,
      then,
      change,
      index + 1,
      first,
      protectedBy,
    ];
  });

  const changes = everyone.flatMap((row) => (typeof row[6] === "number" ? [{ row, change: pence(row[6]) }] : []));
  const rankedRows = (chosen: typeof changes, order: 1 | -1): Shown[][] => {
    const rows: Shown[][] = chosen
      .sort((a, b) => (a.change - b.change) * order || (a.row[7] as number) - (b.row[7] as number))
      .slice(0, RANKED)
      .map(({ row, change }) => [row[0], row[1], row[2], change, row[7]]);
    while (rows.length < RANKED) rows.push(RANKED_HEADERS.map(() => ""));
    return rows;
  };
  const losses = rankedRows(
    changes.filter(({ change }) => change < 0),
    1,
  );
  const gains = rankedRows(
    changes.filter(({ change }) => change > 0),
    -1,
  );

  // The curves' points: 0, every lower bound of either table, in order, and the end (the highest points in People,
  // or the highest bound if above); the rows left are #N/A, in every column.
  const highest = Math.max(0, ...people.rows.flatMap((row) => (typeof row[points] === "number" ? [row[points]] : [])));
  const bounds = [currentGrid, proposedGrid].flatMap((grid) =>
    grid.slice(1).flatMap((row) => (typeof row[0] === "number" && row[0] >= 0 ? [row[0]] : [])),
  );
  const end = Math.max(highest, ...bounds);
  const xs = [...new Set([0, ...bounds, end])].sort((a, b) => a - b);

  const curve: Shown[][] = [
    ["Points", ...careGroups.flatMap((careGroup) => [`${careGroup} (current)`, `${careGroup} (proposed)`])],
    ...xs.map((x) => [
      x,
      ...careGroups.flatMap((careGroup) =>
        [current, proposed].map((table) =>
          priced(() => indicativeBudget(table, { points: x, careGroup }, annual).toNumber()),
        ),
      ),
    ]),
  ];
  while (curve.length < layout.curve.rows) curve.push(Array<Shown>(1 + 2 * careGroups.length).fill("#N/A"));

  const largest = Math.max(0, ...changes.map(({ change }) => Math.abs(change)));
  const width = Math.max(10, Math.ceil(largest / CHANGE_BANDS / 10) * 10);
  const count = (test: (change: number) => boolean) => changes.filter(({ change }) => test(change)).length;
  const distribution: Shown[][] = [
    ["Change in annual budget", "People"],
    ...Array.from({ length: CHANGE_BANDS }, (_, at): Shown[] => {
      const n = CHANGE_BANDS - 1 - at;
      return [
        n === 0 ? `Lose up to £${width}` : `Lose £${n * width}–${(n + 1) * width}`,
        count((change) => change >= -(n + 1) * width && change < -n * width && change < 0),
      ];
    }),
    ["No change", count((change) => change === 0)],
    ...Array.from({ length: CHANGE_BANDS }, (_, n): Shown[] => [
      n === 0 ? `Gain up to £${width}` : `Gain £${n * width}–${(n + 1) * width}`,
      count((change) => change > n * width && change <= (n + 1) * width),
    ]),
  ];

  const left = repricing.problems.size;
  const total = repricing.total;
  const protectionFigures: Shown[] = protection
    ? [
        protection.cap.kind === "percent" ? "%" : "£",
        protection.cap.kind === "percent" ? protection.cap.fraction.times(10_000).toNumber() : 0,
        protection.cap.kind === "amount" ? protection.cap.amount.times(100).toNumber() : 0,
        protection.people,
        protection.cost,
        protection.firstYearTotal,
        protection.firstYearChange,
      ]
    : ["none", 0, 0, 0, 0, total.proposed, total.change];
  return {
    protection: protectionFigures,
    summary,
    everyone,
    losses,
    gains,
    curve,
    distribution: [...distribution, [largest, width]],
    status:
      left === 0
        ? "Everyone in People is priced under both tables."
        : `${left} of ${people.rows.length} people in People cannot be priced: their rows under Everyone show an ` +
          "error (select it to see why) and no total counts them.",
  };
}

/** The same figures read off a calculated What-if sheet. `people` is how many rows the per-person block spills. */
export function sheetWhatIf(read: CellReader, layout: WhatIfLayout, people: number): WhatIfFigures {
  const block = (row: number, column: number, rows: number, columns: number) =>
    Array.from({ length: rows }, (_, r) => Array.from({ length: columns }, (_, c) => read(row + r, column + c)));
  const ranked = (range: typeof layout.losses) => {
    const rows = block(range.row + 1, range.column, RANKED, RANKED_HEADERS.length);
    // Changes as pence, as the sheet shows them (a change is a difference of two floating-point budgets).
    return rows.map((row) => row.map((cell, at) => (at === 3 && typeof cell === "number" ? pence(cell) : cell)));
  };
  const { distribution, curve } = layout;
  return {
    summary: block(layout.summary.row, layout.summary.column, layout.summary.rows, layout.summary.columns),
    everyone: block(layout.everyone.row + 1, layout.everyone.column, people, EVERYONE_HEADERS.length),
    losses: ranked(layout.losses),
    gains: ranked(layout.gains),
    curve: block(curve.row, curve.column, curve.rows, curve.columns),
    distribution: [
      ...block(distribution.row, distribution.column, distribution.rows, distribution.columns),
      [read(distribution.row - 3, distribution.column + 1), read(distribution.row - 2, distribution.column + 1)],
    ],
    status: read(layout.status.row, layout.status.column),
    protection: (["inUse", "basisPoints", "pence", "people", "cost", "firstYear", "change"] as const).map((at) => {
      const shown = read(layout.protection.row + PROTECTION_AT[at], layout.protection.column + 2);
      return typeof shown === "number" && (at === "cost" || at === "firstYear" || at === "change")
        ? pence(shown)
        : shown;
    }),
  };
}
