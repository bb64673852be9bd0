import { makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import { Fragment } from "react";
import { Decimal, formatPounds, LossCap, RasFit } from "../../../engine";
import { Scenario } from "../../../workbook/reports/scenarioBook";
import { changeText } from "./RepricingSummary";

const useStyles = makeStyles({
  // Several proposals may be wider than the pane: the table scrolls inside its region, which takes focus to be
  // scrolled from the keyboard.
  region: { overflowX: "auto", maxWidth: "100%" },
  table: {
    borderCollapse: "collapse",
    fontVariantNumeric: "tabular-nums",
    minWidth: "100%",
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
  },
  // Amounts never break inside; each figure's parts (an amount and its percentage, a loss and whose) on lines of
  // their own, so two proposals fit Office's 320 px pane.
  cell: {
    padding: "4px 6px",
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
    textAlign: "right",
    verticalAlign: "top",
    whiteSpace: "nowrap",
  },
  name: {
    textAlign: "left",
    fontWeight: tokens.fontWeightRegular,
    color: tokens.colorNeutralForeground2,
    whiteSpace: "normal",
  },
  heading: { textAlign: "right", fontWeight: tokens.fontWeightSemibold, whiteSpace: "normal", wordBreak: "break-word" },
  line: { display: "block" },
  caption: { textAlign: "left", paddingBottom: "4px", color: tokens.colorNeutralForeground2 },
});

const pounds = (amount: number) => formatPounds(new Decimal(amount));
const ratio = (value: number | null) => (value === null ? "–" : new Decimal(value).toFixed(4));

/** One measure, worded for every proposal: a line, or lines shown one under the other. */
interface Measure {
  readonly name: string;
  readonly of: (scenario: Scenario) => string | readonly string[];
}

/** A change and its percentage, as two lines: "+£17,043.50", "(+10.00%)". */
const changeLines = (text: string) => {
  const at = text.indexOf(" (");
  return at < 0 ? [text] : [text.slice(0, at), text.slice(at + 1)];
};

function measures(cap: LossCap | null, current: RasFit | null): Measure[] {
  const list: Measure[] = [
    { name: "As proposed, a year", of: (s) => pounds(s.summary.repricing.total.proposed) },
    { name: "Change", of: (s) => changeLines(changeText(s.summary.repricing.total)) },
    { name: "Better off", of: (s) => String(s.summary.repricing.total.betterOff) },
    { name: "Worse off", of: (s) => String(s.summary.repricing.total.worseOff) },
    {
      name: "Largest loss",
      of: (s) => (s.losses.length === 0 ? "None" : [pounds(s.losses[0].change), s.losses[0].personId]),
    },
  ];
  if (cap) {
    list.push(
      { name: "Protected by the cap", of: (s) => String(s.protection?.people ?? 0) },
      { name: "Cost of the cap, first year", of: (s) => pounds(s.protection?.cost ?? 0) },
    );
  }
  list.push({
    name: "Agreed plans changing light",
    of: (s) => (s.lights === null || s.lights.problem !== null ? "–" : String(s.lights.changed.length)),
  });
  if (current)
    list.push({ name: `Fit R² (now ${ratio(current.all.rSquared)})`, of: (s) => ratio(s.fit?.all.rSquared ?? null) });
  return list;
}

/** A name that may wrap where its words join ("Proposed|Price|Points_Freeze"), never inside a word. */
const breakable = (name: string) =>
  name.split(/(?<=[a-z0-9])(?=[A-Z_])/).map((part, at) => (
    <Fragment key={at}>
      {at > 0 && <wbr />}
      {part}
    </Fragment>
  ));

/**
 * The workbook's proposals side by side, a column each: what each does to the total, who is better or worse off,
 * the largest loss, the cap's cost in the first year, the Agreed plans whose light would change and the fit.
 */
export function ScenarioTable({
  scenarios,
  cap,
  current,
  now,
}: {
  scenarios: readonly Scenario[];
  cap: LossCap | null;
  current: RasFit | null;
  /** Everyone's budgets now, a year: the same for every proposal. */
  now: number;
}) {
  const styles = useStyles();
  return (
    <div className={styles.region} role="region" aria-labelledby="whatif-scenarios-caption" tabIndex={0}>
      <table className={styles.table}>
        <caption id="whatif-scenarios-caption" className={styles.caption}>
          {`Against the budgets now, ${pounds(now)} a year:`}
        </caption>
        <thead>
          <tr>
            <td className={styles.cell} />
            {scenarios.map((scenario) => (
              <th key={scenario.proposal.table} scope="col" className={mergeClasses(styles.cell, styles.heading)}>
                {breakable(scenario.label)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {measures(cap, current).map((measure) => (
            <tr key={measure.name}>
              <th scope="row" className={mergeClasses(styles.cell, styles.name)}>
                {measure.name}
              </th>
              {scenarios.map((scenario) => {
                const shown = measure.of(scenario);
                return (
                  <td key={scenario.proposal.table} className={styles.cell}>
                    {typeof shown === "string"
                      ? shown
                      : shown.map((line) => (
                          <span key={line} className={styles.line}>
                            {line}
                          </span>
                        ))}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
