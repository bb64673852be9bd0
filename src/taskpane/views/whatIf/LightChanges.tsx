import { makeStyles, tokens } from "@fluentui/react-components";
import { ProposalLightReview } from "../../../workbook/plans/lightReview";
import { NoticeBar } from "../../NoticeBar";

const useStyles = makeStyles({
  list: { margin: 0, paddingLeft: "20px", overflowWrap: "anywhere" },
  text: { margin: 0 },
  note: { margin: 0, color: tokens.colorNeutralForeground2 },
});

/** Plans named before "and N more". */
const LISTED = 12;

/**
 * The Agreed plans whose traffic light the proposal would change (Green → Amber, Amber → Red, and back), by the
 * rule the Support plan view lights a plan with, under today's tolerance; what cannot be checked is named.
 */
export function LightChanges({ review, why }: { review: ProposalLightReview | null; why: string | null }) {
  const styles = useStyles();
  if (review === null) {
    return <p className={styles.note}>{`The Agreed plans cannot be checked: ${why ?? "the workbook has none"}`}</p>;
  }
  if (review.problem !== null) return <p className={styles.note}>{review.problem}</p>;
  const { changed, unchecked } = review;
  return (
    <>
      {changed.length === 0 ? (
        <p className={styles.text}>No Agreed plan's light would change.</p>
      ) : (
        <>
          <p className={styles.text}>
            {`${changed.length} Agreed ${changed.length === 1 ? "plan's light" : "plans' lights"} would change:`}
          </p>
          <ul className={styles.list} aria-label="Agreed plans whose light would change">
            {changed.slice(0, LISTED).map((plan) => (
              <li key={plan.planId}>
                {`${plan.planId} (${plan.personId} ${plan.name}): ${plan.lightNow} → ${plan.lightProposed}`}
              </li>
            ))}
            {changed.length > LISTED && <li>{`and ${changed.length - LISTED} more`}</li>}
          </ul>
        </>
      )}
      {unchecked.length > 0 && (
        <NoticeBar
          notice={{
            intent: "info",
            title: `${unchecked.length} Agreed ${unchecked.length === 1 ? "plan is" : "plans are"} not checked`,
            text: "",
            items: [...unchecked.slice(0, 5), ...(unchecked.length > 5 ? [`and ${unchecked.length - 5} more.`] : [])],
          }}
        />
      )}
    </>
  );
}
