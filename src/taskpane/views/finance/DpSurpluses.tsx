import { Button, Field, Input, makeStyles, tokens } from "@fluentui/react-components";
import {
  Decimal,
  DpAccount,
  DpAccounts,
  formatDate,
  formatPounds,
  formatQuantity,
  isoFromSerial,
} from "../../../engine";
import { OutturnAction } from "../../state/outturn";
import { useFieldGridStyles } from "../fieldGrid";
import { percentOf } from "./OutturnFigures";

const useStyles = makeStyles({
  section: { display: "flex", flexDirection: "column", gap: "8px", minWidth: 0 },
  heading: { margin: 0, fontSize: tokens.fontSizeBase400 },
  note: { margin: 0, color: tokens.colorNeutralForeground2 },
  figure: { margin: 0, fontWeight: tokens.fontWeightSemibold },
  list: { margin: 0, paddingLeft: "20px", overflowWrap: "anywhere" },
  summary: { cursor: "pointer", fontWeight: tokens.fontWeightSemibold },
  weeks: { maxWidth: "12rem" },
});

const balanceText = (account: DpAccount) =>
  account.balance
    ? `balance ${formatPounds(account.balance.balance)} on ${formatDate(isoFromSerial(account.balance.date))}`
    : "no balance reported";

/**
 * Direct-payment surpluses to recover (the Audit Commission's paragraphs 47 and 49): the balance each person
 * reported above the contingency they may keep, largest first, with the total and the share of this year's direct
 * payments it is; and every account's direct payment due to date and paid, folded away.
 */
export function DpSurpluses({
  accounts,
  hasBalances,
  weeksAllowed,
  weeksProblem,
  weeksInYear,
  dispatch,
  onAddBalances,
  busy,
}: {
  accounts: DpAccounts | null;
  hasBalances: boolean;
  weeksAllowed: string;
  weeksProblem: string | null;
  weeksInYear: Decimal | null;
  dispatch: (action: OutturnAction) => void;
  onAddBalances: () => void;
  busy: boolean;
}) {
  const styles = useStyles();
  const fieldGrid = useFieldGridStyles();
  const reported = accounts?.accounts.filter((account) => account.balance !== null).length ?? 0;
  return (
    <section className={styles.section} aria-labelledby="dp-heading">
      <h2 id="dp-heading" className={styles.heading}>
        Direct-payment surpluses
      </h2>
      <Field
        label="Contingency people may keep, in weeks"
        hint={
          "Of their direct payment" +
          (weeksInYear === null ? "" : `, counted over ${formatQuantity(weeksInYear)} weeks`) +
          "; the rest of a balance is surplus"
        }
        validationState={weeksProblem ? "error" : "none"}
        validationMessage={weeksProblem ?? undefined}
        className={styles.weeks}
      >
        <Input
          id="dp-weeks"
          className={fieldGrid.control}
          inputMode="decimal"
          value={weeksAllowed}
          onChange={(_, data) => dispatch({ type: "weeksAllowedChanged", weeksAllowed: data.value })}
        />
      </Field>
      {!hasBalances && (
        <>
          <p className={styles.note}>
            Surpluses come from the balances people report on their direct-payment accounts: keep them in a table called
            DPBalances (Person ID, Date, Balance), a row for each report.
          </p>
          <div>
            <Button onClick={onAddBalances} disabled={busy}>
              Add a DPBalances table
            </Button>
          </div>
        </>
      )}
      {accounts && hasBalances && (
        <>
          <p id="dp-total" className={styles.figure}>
            {`${formatPounds(accounts.totalSurplus)} to recover from ${accounts.toRecover.length} ` +
              `account${accounts.toRecover.length === 1 ? "" : "s"}` +
              (accounts.unspentShare
                ? `: ${percentOf(accounts.unspentShare)} of this year's direct payments ` +
                  `(${formatPounds(accounts.commitment)} a year).`
                : ".")}
          </p>
          {accounts.toRecover.length > 0 && (
            <ol id="dp-to-recover" className={styles.list}>
              {accounts.toRecover.map((account) => (
                <li key={account.personId}>
                  {`${account.personId} (${account.careGroup}): ${formatPounds(account.surplus!)}; ` +
                    `${balanceText(account)}, against ${formatPounds(account.annual)} a year`}
                </li>
              ))}
            </ol>
          )}
          <p className={styles.note}>
            {`${reported} of ${accounts.accounts.length} direct-payment ` +
              `account${accounts.accounts.length === 1 ? " has" : "s have"} ` +
              "a balance reported by the as-at date; an account without one has no surplus counted."}
          </p>
        </>
      )}
      {accounts && accounts.accounts.length > 0 && (
        <details>
          <summary className={styles.summary}>{`Every direct-payment account (${accounts.accounts.length})`}</summary>
          <ul className={styles.list}>
            {accounts.accounts.map((account) => (
              <li key={account.personId}>
                {`${account.personId}: due to date ${formatPounds(account.due)}, paid ${formatPounds(account.paid)}; ` +
                  balanceText(account)}
              </li>
            ))}
          </ul>
        </details>
      )}
      {accounts?.notes.map((note) => (
        <p key={note} className={styles.note}>
          {note}
        </p>
      ))}
    </section>
  );
}
