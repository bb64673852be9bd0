import { makeStyles, tokens } from "@fluentui/react-components";
import { formatPounds } from "../../../engine";
import { Assessment, Person } from "../../../workbook/planBook";
import { useFigureStyles } from "./figures";

const useStyles = makeStyles({
  explanation: { color: tokens.colorNeutralForeground2, whiteSpace: "pre-wrap", overflowWrap: "anywhere" },
  summary: { cursor: "pointer", marginTop: "4px" },
});

/** The person's points and indicative budget, and how it was reached (folded away until asked for). */
export function AssessmentSummary({ person, assessment }: { person: Person; assessment: Assessment }) {
  const styles = useStyles();
  const figures = useFigureStyles();
  return (
    <section aria-label="Assessment">
      <dl className={figures.list}>
        <dt>Care group</dt>
        <dd>{person.careGroup}</dd>
        <dt>Points</dt>
        <dd id="assessment-points">{assessment.points.toString()}</dd>
        <dt>Indicative budget</dt>
        <dd id="assessment-budget">
          {`${formatPounds(assessment.budget.result)} a year` +
            (assessment.weekly === null ? "" : ` (${formatPounds(assessment.weekly)} a week)`)}
        </dd>
      </dl>
      <details>
        <summary className={styles.summary}>How the budget was reached</summary>
        <p id="assessment-explanation" className={styles.explanation}>
          {assessment.explanation}
        </p>
      </details>
    </section>
  );
}
