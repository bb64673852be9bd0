import { makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import {
  ALL_CARE_GROUPS,
  CareGroupCommitment,
  ContributionRow,
  Decimal,
  formatDate,
  formatPounds,
  isoFromSerial,
  OTHER_CARE_GROUPS,
  PipelineRow,
  StartingLaterRow,
} from "../../../engine";
import { FinanceFigures } from "../../../workbook/reports/financeBook";
import { useFigureStyles } from "../plan/figures";
import { useAmountStyles } from "./amounts";

const useStyles = makeStyles({
  section: { display: "flex", flexDirection: "column", gap: "4px", minWidth: 0 },
  heading: { margin: 0, fontSize: tokens.fontSizeBase400 },
  groupHeading: { margin: "8px 0 0", fontSize: tokens.fontSizeBase300 },
  over: { color: tokens.colorPaletteRedForeground1 },
  note: { margin: 0, color: tokens.colorNeutralForeground2 },
});

/** A fraction as a percentage to one place: 0.330880 → "33.1%". */
export const percent = (fraction: Decimal) => `${fraction.times(100).toDecimalPlaces(1).toFixed(1)}%`;

const plural = (count: number, one: string, many = `${one}s`) => `${count} ${count === 1 ? one : many}`;

/**
 * One row's figures as a description list: committed a year against the budget, in the rest of the year, the people
 * (each once), and the Agreed plans starting after the year, apart.
 */
function RowFigures({
  row,
  paid,
  later,
  id,
  from,
  to,
}: {
  row: CareGroupCommitment;
  /** What people contribute to the row's commitment (26 §5); null while it cannot be worked out. */
  paid: ContributionRow | null;
  later: StartingLaterRow;
  id: string;
  from: string;
  to: string;
}) {
  const styles = useStyles();
  const figures = useFigureStyles();
  const amounts = useAmountStyles();
  const over = row.variance.isNegative();
  return (
    <dl className={mergeClasses(figures.list, amounts.list)}>
      <dt>Committed a year</dt>
      <dd id={`${id}-committed`}>{formatPounds(row.fullYear.total)}</dd>
      {paid && (
        <>
          <dt>People contribute, a year</dt>
          <dd id={`${id}-contributions`}>{formatPounds(paid.contributions)}</dd>
          <dt>Net commitment a year</dt>
          <dd id={`${id}-net`}>{formatPounds(paid.net)}</dd>
        </>
      )}
      <dt>Budget</dt>
      <dd id={`${id}-budget`}>{row.budget.isZero() ? "None set" : formatPounds(row.budget)}</dd>
      <dt>{over ? "Over-committed by" : "Left to commit"}</dt>
      <dd id={`${id}-variance`} className={over ? styles.over : undefined}>
        {formatPounds(row.variance.abs())}
      </dd>
      {row.committed && (
        <>
          <dt>Of the budget</dt>
          <dd id={`${id}-committed-share`}>{percent(row.committed)}</dd>
        </>
      )}
      <dt>{`In year, ${formatDate(from)} to ${formatDate(to)}`}</dt>
      <dd id={`${id}-in-year`}>{formatPounds(row.inYear.total)}</dd>
      <dt>People with Agreed plans</dt>
      <dd id={`${id}-people`}>{row.people.total}</dd>
      {later.people > 0 && (
        <>
          <dt id={`${id}-starting-later-term`}>
            {`Agreed, starting after ${formatDate(to)} (${plural(later.people, "person", "people")}), a year`}
          </dt>
          <dd id={`${id}-starting-later`}>{formatPounds(later.fullYear)}</dd>
        </>
      )}
    </dl>
  );
}

/**
 * The commitment at the as-at date: all care groups first, then the pipeline, then each care group (and the
 * others, when a plan's care group is not among them).
 */
export function CommitmentFigures({ figures }: { figures: Pick<FinanceFigures, "commitment" | "contributions"> }) {
  const styles = useStyles();
  const { rows, pipeline, startingLater, period } = figures.commitment;
  const paid = (index: number) => figures.contributions?.[index] ?? null;
  const [from, to] = [period.remaining.from, period.remaining.to].map((serial) => isoFromSerial(serial));
  const all = rows[rows.length - 1];
  const allPipeline = pipeline[pipeline.length - 1];
  const groups = rows
    .slice(0, -1)
    .map((row, index) => ({ row, index }))
    .filter(
      ({ row, index }) =>
        row.careGroup !== OTHER_CARE_GROUPS || row.people.total > 0 || startingLater[index].people > 0,
    );
  return (
    <>
      <section className={styles.section} aria-labelledby="finance-all-heading">
        <h2 id="finance-all-heading" className={styles.heading}>
          {ALL_CARE_GROUPS}
        </h2>
        <RowFigures
          row={all}
          paid={paid(rows.length - 1)}
          later={startingLater[rows.length - 1]}
          id="finance-all"
          from={from}
          to={to}
        />
        {startingLater[rows.length - 1].people > 0 && (
          <p className={styles.note}>
            Plans starting after the year&apos;s last day are in no figure of this year: they count in the year they
            start.
          </p>
        )}
        <Pipeline row={allPipeline} committed={all.fullYear.total} />
      </section>
      <section className={styles.section} aria-labelledby="finance-groups-heading">
        <h2 id="finance-groups-heading" className={styles.heading}>
          By care group
        </h2>
        {groups.map(({ row, index }) => (
          <section key={row.careGroup} aria-labelledby={`finance-group-${index}-heading`}>
            <h3 id={`finance-group-${index}-heading`} className={styles.groupHeading}>
              {row.careGroup}
            </h3>
            <RowFigures
              row={row}
              paid={paid(index)}
              later={startingLater[index]}
              id={`finance-group-${index}`}
              from={from}
              to={to}
            />
          </section>
        ))}
      </section>
    </>
  );
}

/** Plans not yet agreed, apart from the commitment, and what agreeing them all would commit. */
function Pipeline({ row, committed }: { row: PipelineRow; committed: Decimal }) {
  const styles = useStyles();
  if (row.plans === 0) return <p className={styles.note}>No plans wait to be agreed.</p>;
  const ifAgreed = row.committedIfAgreed ? `, ${percent(row.committedIfAgreed)} of the budget` : "";
  return (
    <p id="finance-pipeline" className={styles.note}>
      {`In the pipeline: ${plural(row.plans, "plan")} not yet agreed (Draft or awaiting manager review), ` +
        `${formatPounds(row.fullYear)} a year. If all were agreed: ` +
        `${formatPounds(row.fullYear.plus(committed))} a year${ifAgreed}.`}
    </p>
  );
}
