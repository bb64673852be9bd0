import { Field, Input, makeStyles, mergeClasses, Radio, RadioGroup, tokens } from "@fluentui/react-components";
import { capText, Decimal, formatPounds, Protection } from "../../../engine";
import { CapForm, FieldProblem, WhatIfAction } from "../../state/whatIf";
import { useFigureStyles } from "../plan/figures";

const useStyles = makeStyles({
  form: { display: "flex", flexDirection: "column", gap: "8px", minWidth: 0 },
  control: { width: "100%", minWidth: 0, boxSizing: "border-box" },
  // Amounts whole, never broken across lines.
  amounts: {
    "& dd": {
      fontWeight: tokens.fontWeightRegular,
      textAlign: "right",
      fontVariantNumeric: "tabular-nums",
      whiteSpace: "nowrap",
    },
  },
  text: { margin: 0 },
});

const KINDS: readonly { kind: CapForm["kind"]; label: string }[] = [
  { kind: "none", label: "No cap: the first year is as proposed" },
  { kind: "percent", label: "A percentage of the current budget" },
  { kind: "amount", label: "£ a year" },
];

const pounds = (amount: number) => formatPounds(new Decimal(amount));

/**
 * Transitional protection: a cap on any one person's loss in the first year, typed here, and what it does to the
 * proposal shown — who is protected, what it costs, the first year's total. The same cap goes on the What-if sheet.
 */
export function ProtectionSection({
  form,
  problem,
  protection,
  dispatch,
}: {
  form: CapForm;
  problem: FieldProblem | null;
  /** The proposal shown under the cap; null with no cap, or nothing to show. */
  protection: Protection | null;
  dispatch: (action: WhatIfAction) => void;
}) {
  const styles = useStyles();
  const figures = useFigureStyles();
  const field = problem
    ? problem.missing
      ? { hint: problem.text }
      : { validationMessage: problem.text, validationState: "error" as const }
    : {};
  return (
    <div className={styles.form}>
      <Field label="Cap on any one person's loss in the first year">
        <RadioGroup
          value={form.kind}
          onChange={(_, data) => dispatch({ type: "capKindChosen", kind: data.value as CapForm["kind"] })}
        >
          {KINDS.map(({ kind, label }) => (
            <Radio key={kind} value={kind} label={label} />
          ))}
        </RadioGroup>
      </Field>
      {form.kind !== "none" && (
        <Field label={form.kind === "percent" ? "Cap (% of the current budget)" : "Cap (£ a year)"} {...field}>
          <Input
            id="whatif-cap"
            className={styles.control}
            value={form.amount}
            inputMode="decimal"
            contentAfter={form.kind === "percent" ? <span aria-hidden="true">%</span> : undefined}
            contentBefore={form.kind === "amount" ? <span aria-hidden="true">£</span> : undefined}
            onChange={(_, data) => dispatch({ type: "capEdited", text: data.value })}
          />
        </Field>
      )}
      {protection && (
        <>
          <p className={styles.text}>{`Nobody loses more than ${capText(protection.cap)} in the first year:`}</p>
          <dl className={mergeClasses(figures.list, styles.amounts)} aria-label="The cap's effect in the first year">
            <dt>People protected</dt>
            <dd>{protection.people}</dd>
            <dt>Cost of the cap</dt>
            <dd>{pounds(protection.cost)}</dd>
            <dt>First year, in all</dt>
            <dd>{pounds(protection.firstYearTotal)}</dd>
            <dt>Change in the first year</dt>
            <dd>{`${protection.firstYearChange > 0 ? "+" : ""}${pounds(protection.firstYearChange)}`}</dd>
            <dt>Largest loss in the first year</dt>
            <dd>{protection.largestLoss === 0 ? "None" : pounds(protection.largestLoss)}</dd>
          </dl>
        </>
      )}
    </div>
  );
}
