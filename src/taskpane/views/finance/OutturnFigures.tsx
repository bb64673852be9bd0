import { makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import {
  ALL_CARE_GROUPS,
  Decimal,
  describePayment,
  formatDate,
  formatPounds,
  isoFromSerial,
  NOT_MATCHED,
  Outturn,
  OutturnRow,
} from "../../../engine";
import { useFigureStyles } from "../plan/figures";
import { useAmountStyles } from "./amounts";

const useStyles = makeStyles({
  section: { display: "flex", flexDirection: "column", gap: "8px", minWidth: 0 },
  heading: { margin: 0, fontSize: tokens.fontSizeBase400 },
  groupHeading: { margin: "8px 0 0", fontSize: tokens.fontSizeBase300 },
  note: { margin: 0, color: tokens.colorNeutralForeground2 },
  over: { color: tokens.colorPaletteRedForeground1 },
  summary: { cursor: "pointer", fontWeight: tokens.fontWeightSemibold },
  list: { margin: 0, paddingLeft: "20px", overflowWrap: "anywhere" },
  table: {
    width: "100%",
    borderCollapse: "collapse",
    fontSize: tokens.fontSizeBase200,
    fontVariantNumeric: "tabular-nums",
    "& th, & td": { padding: "2px 4px", textAlign: "right", whiteSpace: "nowrap" },
    "& th:first-child, & td:first-child": { textAlign: "left", paddingLeft: 0 },
    "& td:last-child, & th:last-child": { paddingRight: 0 },
    "& thead th": { borderBottom: `1px solid ${tokens.colorNeutralStroke2}`, fontWeight: tokens.fontWeightSemibold },
  },
});

/** A fraction as a percentage to one place: 0.437213 → "43.7%". */
export const percentOf = (fraction: Decimal) => `${fraction.times(100).toDecimalPlaces(1).toFixed(1)}%`;

/** How many payments matched to no Agreed plan are listed in the pane (the sheet lists them all). */
const UNMATCHED_SHOWN = 10;

/** One row's outturn as a description list. */
function RowFigures({ row, id }: { row: OutturnRow; id: string }) {
  const styles = useStyles();
  const figures = useFigureStyles();
  const amounts = useAmountStyles();
  const over = row.variance.isNegative();
  return (
    <dl className={mergeClasses(figures.list, amounts.list)}>
      {!row.budget.isZero() && (
        <>
          <dt>Budget</dt>
          <dd id={`${id}-budget`}>{formatPounds(row.budget)}</dd>
        </>
      )}
      <dt>Spent to date</dt>
      <dd id={`${id}-actual`}>{formatPounds(row.actual)}</dd>
      <dt>Still committed</dt>
      <dd id={`${id}-remaining`}>{formatPounds(row.remaining)}</dd>
      <dt>Projected outturn</dt>
      <dd id={`${id}-outturn`}>{formatPounds(row.outturn)}</dd>
      {!row.budget.isZero() && (
        <>
          <dt>{over ? "Over budget by" : "Under budget by"}</dt>
          <dd id={`${id}-variance`} className={over ? styles.over : undefined}>
            {formatPounds(row.variance.abs()) +
              (row.variancePercent ? ` (${percentOf(row.variancePercent.abs())})` : "")}
          </dd>
        </>
      )}
    </dl>
  );
}

/**
 * The projected outturn: all care groups first, the payments matched to no Agreed plan, then each care group and
 * the year month by month, folded away.
 */
export function OutturnFigures({ outturn }: { outturn: Outturn }) {
  const styles = useStyles();
  const { rows, period, months, unmatched } = outturn;
  const all = rows[rows.length - 1];
  const notMatched = rows.find((row) => row.careGroup === NOT_MATCHED)!;
  const groups = rows
    .slice(0, -1)
    .map((row, index) => ({ row, index }))
    .filter(
      ({ row }) =>
        row.careGroup !== NOT_MATCHED && (!row.actual.isZero() || !row.remaining.isZero() || !row.budget.isZero()),
    );
  const day = (serial: number) => formatDate(isoFromSerial(serial));
  return (
    <section className={styles.section} aria-labelledby="outturn-heading">
      <h2 id="outturn-heading" className={styles.heading}>
        Projected outturn
      </h2>
      <p className={styles.note}>
        {`Payments from ${day(period.year.from)} to ${day(period.asAt)}, and what Agreed plans still commit ` +
          (outturn.remainingFrom > period.year.to
            ? "(nothing: the year has ended)."
            : `from ${day(outturn.remainingFrom)} to ${day(period.year.to)}.`)}
      </p>
      <h3 className={styles.groupHeading}>{ALL_CARE_GROUPS}</h3>
      <RowFigures row={all} id="outturn-all" />
      {unmatched.length > 0 && (
        <>
          <p id="outturn-unmatched" className={styles.note}>
            {`${unmatched.length.toLocaleString("en-GB")} payment${unmatched.length > 1 ? "s" : ""} to date ` +
              `(${formatPounds(notMatched.actual)}) ${unmatched.length > 1 ? "match" : "matches"} no Agreed plan: ` +
              "counted in the spend above, and listed here."}
          </p>
          <ul className={styles.list}>
            {unmatched.slice(0, UNMATCHED_SHOWN).map(({ payment, reason }, at) => (
              <li key={at}>{`${describePayment(payment)}: ${reason}`}</li>
            ))}
            {unmatched.length > UNMATCHED_SHOWN && (
              <li>{`…and ${unmatched.length - UNMATCHED_SHOWN} more, all listed on the Finance sheet.`}</li>
            )}
          </ul>
        </>
      )}
      <details>
        <summary className={styles.summary}>By care group</summary>
        {groups.map(({ row, index }) => (
          <section key={row.careGroup} aria-label={`${row.careGroup}: projected outturn`}>
            <h3 id={`outturn-group-${index}-heading`} className={styles.groupHeading}>
              {row.careGroup}
            </h3>
            <RowFigures row={row} id={`outturn-group-${index}`} />
          </section>
        ))}
      </details>
      <details>
        <summary className={styles.summary}>Month by month</summary>
        <table className={styles.table} aria-label="All care groups month by month">
          <thead>
            <tr>
              <th scope="col">Month</th>
              <th scope="col">Budget</th>
              <th scope="col">Spent</th>
              <th scope="col">Forecast</th>
            </tr>
          </thead>
          <tbody>
            {months.map((month) => (
              <tr key={month.label}>
                <th scope="row">{month.label}</th>
                <td>{formatPounds(month.budget)}</td>
                <td>{month.from > period.asAt ? "" : formatPounds(month.actual)}</td>
                <td>{month.forecast.isZero() ? "" : formatPounds(month.forecast)}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <p className={styles.note}>The Finance sheet charts the year cumulatively against the budget.</p>
      </details>
    </section>
  );
}
