import {
  makeStyles,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
} from "@fluentui/react-components";
import { Decimal, formatPounds, MANAGED_AS, PlanTotals, WEEKS_PER_YEAR } from "../engine";

const useStyles = makeStyles({ number: { textAlign: "right" } });

/** Live totals: weekly and annual by how the money is managed, one-off items apart. */
export function Totals({ totals }: { totals: PlanTotals }) {
  const styles = useStyles();
  const money = (amount: Decimal) => <TableCell className={styles.number}>{formatPounds(amount)}</TableCell>;
  return (
    <section aria-label="Plan totals">
      <Table size="extra-small" aria-label="Plan cost by how it is managed">
        <TableHeader>
          <TableRow>
            <TableHeaderCell>Managed as</TableHeaderCell>
            <TableHeaderCell className={styles.number}>Weekly</TableHeaderCell>
            <TableHeaderCell className={styles.number}>Annual</TableHeaderCell>
            <TableHeaderCell className={styles.number}>One-off</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {MANAGED_AS.map((managedAs) => {
            const split = totals.byManagement[managedAs];
            return (
              <TableRow key={managedAs}>
                <TableCell>{managedAs}</TableCell>
                {money(split.recurringAnnual.div(WEEKS_PER_YEAR))}
                {money(split.recurringAnnual)}
                {money(split.oneOff)}
              </TableRow>
            );
          })}
          <TableRow>
            <TableCell>
              <Text weight="semibold">All</Text>
            </TableCell>
            {money(totals.recurringAnnual.div(WEEKS_PER_YEAR))}
            {money(totals.recurringAnnual)}
            {money(totals.oneOff)}
          </TableRow>
        </TableBody>
      </Table>
      <Text as="p" aria-label="Plan cost">
        {`Plan cost ${formatPounds(totals.annual)} a year (${formatPounds(totals.weekly)} a week), one-off items included in full.`}
      </Text>
    </section>
  );
}
