import { makeStyles, tokens } from "@fluentui/react-components";
import { formatDate, formatPounds } from "../../../engine";
import { PlanHistory } from "../../state/planEditor";

const useStyles = makeStyles({
  heading: { margin: 0, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold },
  list: { margin: 0, paddingLeft: "1.25rem", display: "flex", flexDirection: "column", gap: "6px" },
  what: { margin: 0, color: tokens.colorNeutralForeground2, overflowWrap: "anywhere" },
  empty: { margin: 0, color: tokens.colorNeutralForeground2 },
});

/** "24 Nov 2026 14:05": a save's time as the pane shows it. */
const when = (at: string | null) => (at ? `${formatDate(at.slice(0, 10))} ${at.slice(11)}` : "an unknown time");

/** The plan's saves from PlanHistory, newest first: who, when, status, figures and light, and the lines changed. */
export function PlanHistoryList({ history }: { history: PlanHistory }) {
  const styles = useStyles();
  return (
    <section aria-labelledby="plan-history-heading" id="plan-history">
      <h3 id="plan-history-heading" className={styles.heading}>
        History
      </h3>
      {history.rows.length === 0 ? (
        <p className={styles.empty}>No saves recorded in PlanHistory yet.</p>
      ) : (
        <ol className={styles.list} reversed>
          {history.rows.map((row, at) => (
            <li key={`${row.savedAt ?? ""}-${at}`}>
              {`${when(row.savedAt)} by ${row.savedBy}: ${row.status}, ${row.light}, ` +
                `${formatPounds(row.annual)} a year against ${formatPounds(row.indicativeAnnual)}`}
              {[
                row.linesAdded && `Added: ${row.linesAdded}`,
                row.linesRemoved && `Removed: ${row.linesRemoved}`,
                row.linesChanged && `Changed: ${row.linesChanged}`,
                row.reason && `Reason: ${row.reason}`,
                row.signedOffBy && `Signed off by ${row.signedOffBy}`,
              ]
                .filter(Boolean)
                .map((text) => (
                  <p key={text} className={styles.what}>
                    {text}
                  </p>
                ))}
            </li>
          ))}
        </ol>
      )}
      {history.problems.map((problem) => (
        <p key={problem} className={styles.empty}>
          {problem}
        </p>
      ))}
    </section>
  );
}
