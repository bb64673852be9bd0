import { makeStyles, tokens } from "@fluentui/react-components";

/** A fieldset's boxes side by side, as many as fit the pane, each at least `minimum` wide; one a row at 320 px. */
const grid = (minimum: string) =>
  ({
    display: "grid",
    gridTemplateColumns: `repeat(auto-fill, minmax(${minimum}, 1fr))`,
    columnGap: "8px",
    rowGap: "4px",
    alignItems: "start",
    border: 0,
    margin: 0,
    padding: 0,
    minWidth: 0,
  }) as const;

/** A fieldset of small boxes (dates, percentages) laid out as a grid: the plan's dates, finance's inputs. */
export const useFieldGridStyles = makeStyles({
  /** Date boxes, wide enough for the browser's date and its picker button. */
  dates: grid("9.5rem"),
  /** Percentage boxes. */
  rates: grid("8rem"),
  /** Wide boxes, one a row: words of a plan. */
  words: grid("100%"),
  legend: { padding: 0, marginBottom: "4px", fontWeight: tokens.fontWeightSemibold },
  control: { width: "100%", minWidth: 0, boxSizing: "border-box" },
});
