import { makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import { Decimal, formatPounds, RepricingTotals } from "../../../engine";
import { WhatIfSummary } from "../../../workbook/reports/whatIfBook";
import { useFigureStyles } from "../plan/figures";

const useStyles = makeStyles({
  groups: {
    listStyleType: "none",
    margin: 0,
    padding: 0,
    display: "grid",
    gridTemplateColumns: "repeat(auto-fill, minmax(min(100%, 15rem), 1fr))",
    gap: "8px",
  },
  group: {
    padding: "8px",
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    minWidth: 0,
  },
  total: { backgroundColor: tokens.colorNeutralBackground3 },
  name: { margin: "0 0 4px", fontSize: tokens.fontSizeBase300, overflowWrap: "anywhere" },
  /** Added to the figure list (useFigureStyles): amounts in plain weight, at the right, digits aligned. */
  amounts: { "& dd": { fontWeight: tokens.fontWeightRegular, textAlign: "right", fontVariantNumeric: "tabular-nums" } },
  people: { margin: "4px 0 0", color: tokens.colorNeutralForeground2 },
});

const pounds = (amount: number) => formatPounds(new Decimal(amount));
/** A change with its sign, and its percentage of the current amount (to the 2 places PB.REPRICE gives). */
export function changeText(totals: RepricingTotals): string {
  const sign = totals.change > 0 ? "+" : "";
  const percent =
    totals.changeFraction === null ? "" : ` (${sign}${new Decimal(totals.changeFraction).times(100).toFixed(2)}%)`;
  return `${sign}${pounds(totals.change)}${percent}`;
}

function Group({ totals, total }: { totals: RepricingTotals; total?: boolean }) {
  const styles = useStyles();
  const figures = useFigureStyles();
  const id = `whatif-group-${total ? "total" : totals.careGroup.replace(/\W+/g, "-").toLowerCase()}`;
  return (
    <li className={total ? mergeClasses(styles.group, styles.total) : styles.group} aria-labelledby={id}>
      <h3 id={id} className={styles.name}>
        {total ? "All care groups" : totals.careGroup}
      </h3>
      <dl className={mergeClasses(figures.list, styles.amounts)}>
        <dt>Now</dt>
        <dd>{pounds(totals.current)}</dd>
        <dt>Proposed</dt>
        <dd>{pounds(totals.proposed)}</dd>
        <dt>Change</dt>
        <dd>{changeText(totals)}</dd>
      </dl>
      <p className={styles.people}>
        {`${totals.people} ${totals.people === 1 ? "person" : "people"}: ${totals.betterOff} better off, ` +
          `${totals.worseOff} worse off, ${totals.unchanged} unchanged`}
      </p>
    </li>
  );
}

/** Current against proposed annual budgets by care group and in all, as PB.REPRICE sums them on the sheet. */
export function RepricingSummary({ summary }: { summary: WhatIfSummary }) {
  const styles = useStyles();
  const { byCareGroup, total } = summary.repricing;
  return (
    <ul className={styles.groups} aria-label="Annual budgets by care group">
      {byCareGroup.map((totals) => (
        <Group key={totals.careGroup} totals={totals} />
      ))}
      <Group totals={total} total />
    </ul>
  );
}
