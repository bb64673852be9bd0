import { makeStyles } from "@fluentui/react-components";

/**
 * Added to the plan view's figure list (useFigureStyles): the amounts keep their natural width, whole, at the
 * right, and the words beside them wrap, so "£157,156.40" is never broken across lines in a 320 px pane.
 */
export const useAmountStyles = makeStyles({
  list: {
    gridTemplateColumns: "minmax(0, 1fr) auto",
    "& dd": { overflowWrap: "normal", textAlign: "right" },
  },
});
