import { makeStyles, tokens } from "@fluentui/react-components";

/** Figures as a description list: a term and its value side by side, wrapping inside the pane. */
export const useFigureStyles = makeStyles({
  list: {
    display: "grid",
    gridTemplateColumns: "auto minmax(0, 1fr)",
    columnGap: "12px",
    rowGap: "2px",
    margin: 0,
    "& dt": { color: tokens.colorNeutralForeground2 },
    "& dd": { margin: 0, fontWeight: tokens.fontWeightSemibold, overflowWrap: "anywhere" },
  },
});
