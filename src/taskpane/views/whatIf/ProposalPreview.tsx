import { makeStyles, tokens } from "@fluentui/react-components";
import { formatExactPounds, formatQuantity, Proposal } from "../../../engine";

const useStyles = makeStyles({
  preview: { margin: 0 },
  list: { margin: "4px 0 0", paddingLeft: "20px", overflowWrap: "anywhere" },
  more: { color: tokens.colorNeutralForeground2 },
});

/** How many changed values are listed before "and N more". */
const LISTED = 8;

/** What creating the proposal will make, said before it is made. */
export function ProposalPreview({
  proposal,
  table,
  sheet,
  current,
}: {
  proposal: Proposal;
  table: string;
  sheet: string;
  current: string;
}) {
  const styles = useStyles();
  const { changed } = proposal;
  const shown = changed.slice(0, LISTED);
  return (
    <div id="whatif-preview">
      <p className={styles.preview}>
        {`Will create the table ${table} on a new sheet, ${sheet}: a copy of ${current}` +
          (changed.length === 0
            ? ", to change cell by cell."
            : ` with ${changed.length} ${changed.length === 1 ? "value" : "values"} changed:`)}
      </p>
      {changed.length > 0 && (
        <ul className={styles.list}>
          {shown.map((cell) => (
            <li key={`${cell.row},${cell.column}`}>
              {cell.column === 0
                ? `Lower bound of the ${cell.band}: ${formatQuantity(cell.from)} → ${formatQuantity(cell.to)} points`
                : `${cell.careGroup ? `${cell.careGroup}, ` : ""}${cell.band}: ` +
                  `${formatExactPounds(cell.from)} → ${formatExactPounds(cell.to)}`}
            </li>
          ))}
          {changed.length > LISTED && <li className={styles.more}>{`and ${changed.length - LISTED} more`}</li>}
        </ul>
      )}
    </div>
  );
}
