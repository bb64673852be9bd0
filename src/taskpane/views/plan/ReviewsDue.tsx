import { Button, Field, Input, makeStyles, tokens } from "@fluentui/react-components";
import { useMemo, useState } from "react";
import { formatDate, reviewsDue, reviewWhen } from "../../../engine";
import { PlanSummary } from "../../../workbook/planBook";

const useStyles = makeStyles({
  details: { display: "flex", flexDirection: "column", gap: "8px" },
  summary: { cursor: "pointer", fontWeight: tokens.fontWeightSemibold, padding: "4px 0" },
  days: { maxWidth: "8rem" },
  list: { listStyle: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column", gap: "4px" },
  // Long labels wrap rather than run past the pane.
  plan: {
    width: "100%",
    justifyContent: "flex-start",
    textAlign: "start",
    whiteSpace: "normal",
    height: "auto",
    display: "block",
    fontWeight: tokens.fontWeightRegular,
  },
  who: { fontWeight: tokens.fontWeightSemibold },
  none: { margin: 0, color: tokens.colorNeutralForeground2 },
});

/** The most days ahead the list looks: ten years; more is surely a typing slip. */
const MOST_DAYS = 3650;
const DEFAULT_DAYS = "28";

/** Why the days typed cannot be used, or the number. */
function readDays(typed: string): number | string {
  const text = typed.trim();
  if (/^\d+$/.test(text) && Number(text) <= MOST_DAYS) return Number(text);
  return `Enter a whole number of days, 0 to ${MOST_DAYS.toLocaleString("en-GB")}; got "${typed}".`;
}

/**
 * Plans whose review date has passed or falls within the days chosen (28 unless changed), soonest first, with the
 * person, status and light; picking one opens it. A review is recorded by saving the plan with its next review date.
 */
export function ReviewsDue({
  plans,
  today,
  onOpen,
}: {
  plans: readonly PlanSummary[];
  /** ISO: the day the list is for. */
  today: string;
  onOpen: (planId: string) => void;
}) {
  const styles = useStyles();
  const [typed, setTyped] = useState(DEFAULT_DAYS);
  const [shownDays, setShownDays] = useState(Number(DEFAULT_DAYS));
  const days = readDays(typed);
  // While the box holds something unusable, the list stays as it was for the last number typed.
  if (typeof days === "number" && days !== shownDays) setShownDays(days);
  const due = useMemo(
    () =>
      reviewsDue(
        plans.map((plan) => ({
          planId: plan.planId,
          name: plan.name,
          status: plan.status,
          light: plan.light ?? "",
          reviewDate: plan.reviewDate ?? null,
          endDate: plan.endDate ?? null,
        })),
        today,
        shownDays,
      ),
    [plans, today, shownDays],
  );
  return (
    <details className={styles.details} id="reviews-due">
      <summary className={styles.summary}>{`Reviews due: ${due.length} within ${shownDays} days`}</summary>
      <Field
        label="Due within (days)"
        hint="Plans whose review date has passed or falls within this many days from today."
        validationMessage={typeof days === "string" ? days : undefined}
      >
        <Input className={styles.days} inputMode="numeric" value={typed} onChange={(_, data) => setTyped(data.value)} />
      </Field>
      {due.length === 0 ? (
        <p className={styles.none}>{`No plan is due a review within ${shownDays} days.`}</p>
      ) : (
        <ul className={styles.list} aria-label="Plans due a review, soonest first">
          {due.map((plan) => (
            <li key={plan.planId}>
              <Button className={styles.plan} appearance="subtle" onClick={() => onOpen(plan.planId)}>
                <span className={styles.who}>{`${plan.planId} · ${plan.name}`}</span>
                <br />
                {`${plan.status}${plan.light ? ` · ${plan.light}` : ""} · review ${formatDate(plan.reviewDate)}, ` +
                  reviewWhen(plan.days)}
              </Button>
            </li>
          ))}
        </ul>
      )}
    </details>
  );
}
