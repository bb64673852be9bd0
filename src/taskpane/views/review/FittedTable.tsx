import { makeStyles, tokens } from "@fluentui/react-components";
import { Decimal, FittedProposal, formatExactPounds, formatQuantity } from "../../../engine";
import { PriceTableInBook } from "../../../workbook/reports/whatIfBook";

const useStyles = makeStyles({
  groups: { display: "flex", flexDirection: "column", gap: "8px", minWidth: 0 },
  table: { borderCollapse: "collapse", width: "100%", fontVariantNumeric: "tabular-nums" },
  caption: { textAlign: "left", fontWeight: tokens.fontWeightSemibold, paddingBottom: "2px", overflowWrap: "anywhere" },
  cell: { padding: "2px 4px", borderBottom: `1px solid ${tokens.colorNeutralStroke2}`, textAlign: "right" },
  band: { textAlign: "left" },
  kept: { color: tokens.colorNeutralForeground2 },
});

/**
 * The fitted price points beside the current ones, a small table per care group: each band's rate now and as the
 * fitted table would propose it ("kept" where the evidence cannot fit it).
 */
export function FittedTable({ current, fitted }: { current: PriceTableInBook; fitted: FittedProposal }) {
  const styles = useStyles();
  const table = current.table;
  if (table.kind !== "bands") return null;
  const proposed = fitted.proposal.table;
  if (proposed.kind !== "bands") return null;
  const isKept = (careGroup: string | null, band: string) =>
    fitted.kept.some((kept) => kept.careGroup === careGroup && (kept.band === null || kept.band === band));
  const single = table.careGroups.names.length === 1;
  return (
    <div className={styles.groups}>
      {table.careGroups.names.map((name, group) => (
        <table key={name} className={styles.table}>
          <caption className={styles.caption}>{single ? "Everyone" : name}</caption>
          <thead>
            <tr>
              <th scope="col" className={`${styles.cell} ${styles.band}`}>
                Points from
              </th>
              <th scope="col" className={styles.cell}>
                Now
              </th>
              <th scope="col" className={styles.cell}>
                Fitted
              </th>
            </tr>
          </thead>
          <tbody>
            {table.lowerBounds.map((bound, band) => {
              const now = table.values[group][band];
              const then = proposed.values[group][band];
              const kept = isKept(single ? null : name, `band from ${bound.toString()} points`);
              const pounds = (value: Decimal | null) => (value === null ? "–" : formatExactPounds(value));
              return (
                <tr key={bound.toString()}>
                  <th scope="row" className={`${styles.cell} ${styles.band}`}>
                    {formatQuantity(bound)}
                  </th>
                  <td className={styles.cell}>{pounds(now)}</td>
                  <td className={kept ? `${styles.cell} ${styles.kept}` : styles.cell}>
                    {kept ? `${pounds(then)} (kept)` : pounds(then)}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      ))}
    </div>
  );
}
