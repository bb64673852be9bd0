import { Button, makeStyles } from "@fluentui/react-components";
import { FinanceFigures } from "../../../workbook/reports/financeBook";
import { NoticeBar } from "../../NoticeBar";

const useStyles = makeStyles({
  differences: { display: "flex", flexDirection: "column", alignItems: "flex-start", gap: "8px", minWidth: 0 },
});

const plural = (count: number, one: string, many = `${one}s`) => `${count} ${count === 1 ? one : many}`;

/**
 * What in the workbook the figures cannot take as it is, named at the top of the view: a person's Agreed plans whose
 * dates overlap (each counted, the person once), and plans left out of every figure, each with why.
 */
export function WorkbookNotices({ figures }: { figures: Pick<FinanceFigures, "leftOut" | "overlaps"> }) {
  const { leftOut, overlaps } = figures;
  return (
    <>
      {overlaps.length > 0 && (
        <NoticeBar
          notice={{
            intent: "warning",
            title: `${plural(overlaps.length, "person has", "people have")} Agreed plans that overlap`,
            text: "One Agreed plan per person at a time: the pane never saves two, but these were typed in Plans.",
            items: overlaps,
          }}
        />
      )}
      {leftOut.length > 0 && (
        <NoticeBar
          notice={{
            intent: "warning",
            title: `${plural(leftOut.length, "plan is", "plans are")} left out of every figure`,
            text:
              "Correct them in the Plans table and press Refresh; every other plan is counted. The Finance sheet " +
              "names them too (cell A3).",
            items: leftOut,
          }}
        />
      )}
    </>
  );
}

/** The Finance sheet's inputs differ from the boxes': which, and a way to take the sheet's. */
export function SheetDifferences({
  sheet,
  differences,
  onUseSheet,
}: {
  sheet: string;
  differences: readonly string[];
  onUseSheet: () => void;
}) {
  const styles = useStyles();
  if (differences.length === 0) return null;
  // The button under the notice, not beside it: beside, a 320 px pane leaves the words a narrow column.
  return (
    <div className={styles.differences}>
      <NoticeBar
        notice={{
          intent: "info",
          title: `The ${sheet} sheet has other inputs`,
          text:
            "The figures here are at the boxes' inputs; the sheet's are at its own. Write Finance sheet adds a " +
            "sheet at these, or use the sheet's here.",
          items: differences,
        }}
      />
      <Button onClick={onUseSheet}>Use the sheet&apos;s inputs</Button>
    </div>
  );
}
