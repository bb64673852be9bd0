import { makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import { Decimal, FitRow, formatPercent, formatPounds, RasFit } from "../../../engine";
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
  all: { backgroundColor: tokens.colorNeutralBackground3 },
  name: { margin: "0 0 4px", fontSize: tokens.fontSizeBase300, overflowWrap: "anywhere" },
  amounts: { "& dd": { fontWeight: tokens.fontWeightRegular, textAlign: "right", fontVariantNumeric: "tabular-nums" } },
});

const NONE = "–";
const fraction = (value: number | null) => (value === null ? NONE : new Decimal(value).toFixed(4));
const share = (value: number | null) => (value === null ? NONE : formatPercent(new Decimal(value)));

/** The median cost ÷ budget, and what it means in words. */
function median(value: number | null): string {
  if (value === null) return NONE;
  const off = new Decimal(value).minus(1).times(100).toDecimalPlaces(1);
  const words = off.isZero() ? "on the budget" : `${off.abs().toFixed(1)}% ${off.gt(0) ? "above" : "below"}`;
  return `${fraction(value)} (${words})`;
}

function Row({ row, compared, all }: { row: FitRow; compared?: FitRow; all?: boolean }) {
  const styles = useStyles();
  const figures = useFigureStyles();
  const id = `review-fit-${all ? "all" : row.careGroup.replace(/\W+/g, "-").toLowerCase()}${compared ? "-fitted" : ""}`;
  const pair = (now: string, fitted?: string) => (fitted === undefined ? now : `${now} → ${fitted}`);
  return (
    <li className={all ? mergeClasses(styles.group, styles.all) : styles.group} aria-labelledby={id}>
      <h3 id={id} className={styles.name}>
        {`${all ? "All care groups" : row.careGroup}: ${row.people} ${row.people === 1 ? "plan" : "plans"}`}
      </h3>
      <dl className={mergeClasses(figures.list, styles.amounts)}>
        <dt>R²</dt>
        <dd>{pair(fraction(row.rSquared), compared && fraction(compared.rSquared))}</dd>
        <dt>Typical error</dt>
        <dd>
          {pair(
            row.meanAbsoluteError === null ? NONE : formatPounds(new Decimal(row.meanAbsoluteError)),
            compared &&
              (compared.meanAbsoluteError === null ? NONE : formatPounds(new Decimal(compared.meanAbsoluteError))),
          )}
        </dd>
        <dt>Cost ÷ budget</dt>
        <dd>{compared ? pair(fraction(row.medianRatio), fraction(compared.medianRatio)) : median(row.medianRatio)}</dd>
        <dt>Within 10%</dt>
        <dd>{pair(share(row.within10), compared && share(compared.within10))}</dd>
        <dt>Within 50%</dt>
        <dd>{pair(share(row.within50), compared && share(compared.within50))}</dd>
      </dl>
    </li>
  );
}

/**
 * PB.RAS_FIT's figures as the pane shows them, a card per care group and one for all: R², the mean absolute error
 * ("typical error"), the median of cost ÷ budget, and the shares within the tolerance's 10% and 50%. With `fitted`,
 * each figure reads "now → fitted".
 */
export function FitSummary({ fit, fitted, label }: { fit: RasFit; fitted?: RasFit; label: string }) {
  const styles = useStyles();
  const match = (row: FitRow) => fitted?.byCareGroup.find((other) => other.careGroup === row.careGroup);
  return (
    <ul className={styles.groups} aria-label={label}>
      {fit.byCareGroup.map((row) => (
        <Row key={row.careGroup} row={row} compared={fitted && match(row)} />
      ))}
      <Row row={fit.all} compared={fitted?.all} all />
    </ul>
  );
}
