import { Badge, makeStyles, tokens, useAnnounce } from "@fluentui/react-components";
import { useEffect, useRef } from "react";
import { PlanAgainstBudget } from "../../../engine";
import { useFigureStyles } from "./figures";

const useStyles = makeStyles({
  meaning: { margin: "4px 0 0" },
  calm: { color: tokens.colorNeutralForeground2, margin: 0 },
  deviation: { fontWeight: tokens.fontWeightRegular, marginLeft: "6px" },
});

const BADGE = { Green: "success", Amber: "warning", Red: "danger" } as const;

/**
 * The plan against the indicative budget. Each new light is announced politely, the first one (once the plan has a
 * line) included, as a sentence with how far the plan is from the budget.
 */
export function TrafficLight({ against }: { against: PlanAgainstBudget | null }) {
  const styles = useStyles();
  const figures = useFigureStyles();
  const { announce } = useAnnounce();
  const light = against?.light ?? null;
  const difference = against?.difference ?? null;
  const announced = useRef<string | null>(null);
  useEffect(() => {
    if (light && light !== announced.current) announce(`Traffic light ${light}: ${difference}.`, { polite: true });
    if (light) announced.current = light;
  }, [light, difference, announce]);
  if (!against) {
    return <p className={styles.calm}>Add a line to see the plan against the indicative budget.</p>;
  }
  const deviation = against.difference;
  return (
    <section aria-label="Against the indicative budget">
      <dl className={figures.list}>
        <dt>Traffic light</dt>
        <dd>
          <Badge id="traffic-light" size="large" appearance="filled" color={BADGE[against.light]}>
            {against.light}
          </Badge>
          <span className={styles.deviation}>{deviation}</span>
        </dd>
      </dl>
      <p className={styles.meaning}>{against.meaning}</p>
    </section>
  );
}
