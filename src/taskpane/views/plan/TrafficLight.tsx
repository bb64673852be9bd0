import { Badge, makeStyles, tokens, useAnnounce } from "@fluentui/react-components";
import { useEffect, useRef } from "react";
import { formatPercent, PlanAgainstBudget } from "../../../engine";
import { useFigureStyles } from "./figures";

const useStyles = makeStyles({
  meaning: { margin: "4px 0 0" },
  calm: { color: tokens.colorNeutralForeground2, margin: 0 },
  deviation: { fontWeight: tokens.fontWeightRegular, marginLeft: "6px" },
});

const BADGE = { Green: "success", Amber: "warning", Red: "danger" } as const;

/** The plan against the indicative budget; a change of light is announced politely. */
export function TrafficLight({ against }: { against: PlanAgainstBudget | null }) {
  const styles = useStyles();
  const figures = useFigureStyles();
  const { announce } = useAnnounce();
  const light = against?.light ?? null;
  const previous = useRef(light);
  useEffect(() => {
    if (light && previous.current && light !== previous.current) announce(`Traffic light ${light}`, { polite: true });
    previous.current = light;
  }, [light, announce]);
  if (!against) {
    return <p className={styles.calm}>Add a line to see the plan against the indicative budget.</p>;
  }
  const deviation =
    against.deviation === undefined
      ? "the indicative budget is £0"
      : `${formatPercent(against.deviation.abs().toDecimalPlaces(3))} ${
          against.deviation.isNegative() ? "below" : "above"
        } the indicative budget`;
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
