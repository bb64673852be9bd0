import {
  makeStyles,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  tokens,
} from "@fluentui/react-components";
import { Fragment } from "react";
import { Decimal, formatPounds, inPeriod, MANAGED_AS, PlanCharge, PlanTotals as Totals } from "../../../engine";
import { contributionText, councilCostText } from "../../state/planCharge";
import { planCostText } from "../../state/planEditor";
import { useFigureStyles } from "./figures";

const useStyles = makeStyles({
  // The labels wrap at spaces and the amounts after a comma, so the table never runs past the pane.
  table: {
    tableLayout: "auto",
    width: "100%",
    "& th, & td": { paddingLeft: "4px", paddingRight: "4px" },
  },
  caption: { textAlign: "left", fontWeight: tokens.fontWeightSemibold, paddingBottom: "4px" },
  number: { textAlign: "right", fontVariantNumeric: "tabular-nums" },
  headerNumber: { justifyContent: "flex-end", textAlign: "right" },
  note: { color: tokens.colorNeutralForeground2, margin: "4px 0 0" },
});

/**
 * An amount that never breaks up to £99,999.99 (so the labels wrap first), and beyond that may break only
 * after a thousands comma ("£123,<wbr>456.78"), so a large figure never widens the table past the pane.
 */
function Pounds({ amount }: { amount: Decimal }) {
  const shown = formatPounds(amount);
  if (shown.length <= "£99,999.99".length) return <>{shown}</>;
  const groups = shown.split(",");
  return (
    <>
      {groups.map((group, index) => (
        <Fragment key={index}>
          {group}
          {index < groups.length - 1 && (
            <>
              ,<wbr />
            </>
          )}
        </Fragment>
      ))}
    </>
  );
}

/**
 * Live totals: the recurring cost weekly and annual by how the money is managed, one-off items apart, and the plan
 * cost, one-off items in full. Each weekly figure says what it includes, so the two never seem to disagree. With the
 * person's charge, what they pay and the cost to the council beside the plan's (gross) cost.
 */
export function PlanTotals({ totals, charge }: { totals: Totals; charge: PlanCharge | null }) {
  const styles = useStyles();
  const figures = useFigureStyles();
  const money = (amount: Decimal) => (
    <TableCell className={styles.number}>
      <Pounds amount={amount} />
    </TableCell>
  );
  const row = (label: string, recurringAnnual: Decimal, oneOff: Decimal) => (
    <TableRow key={label}>
      <TableCell>{label}</TableCell>
      {money(inPeriod(recurringAnnual, "weekly", totals.weeksInYear))}
      {money(recurringAnnual)}
      {money(oneOff)}
    </TableRow>
  );
  return (
    <section aria-label="Plan totals">
      <Table size="extra-small" className={styles.table}>
        <caption className={styles.caption}>Recurring cost by how it is managed, one-off items apart</caption>
        <TableHeader>
          <TableRow>
            <TableHeaderCell>Managed as</TableHeaderCell>
            <TableHeaderCell button={{ className: styles.headerNumber }}>Weekly</TableHeaderCell>
            <TableHeaderCell button={{ className: styles.headerNumber }}>Annual</TableHeaderCell>
            <TableHeaderCell button={{ className: styles.headerNumber }}>One-off</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {MANAGED_AS.map((managedAs) =>
            row(managedAs, totals.byManagement[managedAs].recurringAnnual, totals.byManagement[managedAs].oneOff),
          )}
          {row("All", totals.recurringAnnual, totals.oneOff)}
        </TableBody>
      </Table>
      <dl className={figures.list}>
        <dt>Plan cost</dt>
        <dd id="plan-cost">{planCostText(totals)}</dd>
        {charge && (
          <>
            <dt>The person pays</dt>
            <dd id="plan-contribution">{contributionText(charge)}</dd>
            <dt>Cost to the council</dt>
            <dd id="plan-council-cost">{councilCostText(charge)}</dd>
          </>
        )}
      </dl>
      <p className={styles.note}>
        {totals.oneOff.isZero()
          ? "One-off items would count in full in the plan cost, as PB.PLAN_COST counts them."
          : `The plan cost counts the one-off items (${formatPounds(totals.oneOff)}) in full, as PB.PLAN_COST ` +
            "does; the table's weekly column is the recurring cost alone."}
      </p>
    </section>
  );
}
