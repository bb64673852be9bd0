import { Checkbox, Field, Input, makeStyles, Radio, RadioGroup, Select } from "@fluentui/react-components";
import { ChangeForm, ChangeKind, WhatIfAction } from "../../state/whatIf";
import { WhatIfView } from "../../state/whatIfDerived";

const useStyles = makeStyles({
  form: { display: "flex", flexDirection: "column", gap: "8px", minWidth: 0 },
  control: { width: "100%", minWidth: 0, boxSizing: "border-box" },
});

const KINDS: readonly { kind: ChangeKind; label: string }[] = [
  { kind: "copy", label: "No change yet: copy the price points as they are" },
  { kind: "percent", label: "Raise or lower by a percentage" },
  { kind: "perPoint", label: "Add or take away £ a point" },
  { kind: "moveBound", label: "Move a band's lower bound" },
];

/** The change to make in the copy: chosen here, read and checked by the engine as it is typed. */
export function ChangeChooser({
  form,
  view,
  dispatch,
}: {
  form: ChangeForm;
  view: WhatIfView;
  dispatch: (action: WhatIfAction) => void;
}) {
  const styles = useStyles();
  const problem = view.problem;
  const fieldProblem = (field: "amount" | "bound") =>
    problem?.field === field
      ? problem.missing
        ? { hint: problem.text }
        : { validationMessage: problem.text, validationState: "error" as const }
      : field === "amount" && view.largeChange !== null
        ? { hint: view.largeChange }
        : {};
  // A category table has amounts, not £ a point or bands; a table of bands has both.
  const kinds = KINDS.filter(({ kind }) => view.bands.length > 0 || (kind !== "perPoint" && kind !== "moveBound"));
  return (
    <div className={styles.form}>
      <Field label="Change">
        <RadioGroup
          value={form.kind}
          onChange={(_, data) => dispatch({ type: "changeKindChosen", kind: data.value as ChangeKind })}
        >
          {kinds.map(({ kind, label }) => (
            <Radio key={kind} value={kind} label={label} />
          ))}
        </RadioGroup>
      </Field>
      {(form.kind === "percent" || form.kind === "perPoint") && view.careGroups.length > 0 && (
        <Field label="Care group">
          <Select
            id="whatif-care-group"
            className={styles.control}
            value={form.careGroup}
            onChange={(_, data) => dispatch({ type: "careGroupChosen", careGroup: data.value })}
          >
            <option value="">All care groups</option>
            {view.careGroups.map((careGroup) => (
              <option key={careGroup} value={careGroup}>
                {careGroup}
              </option>
            ))}
          </Select>
        </Field>
      )}
      {(form.kind === "percent" || form.kind === "perPoint") && (
        <Field
          label={form.kind === "percent" ? "Percentage (negative to lower)" : "£ a point (negative to take away)"}
          {...fieldProblem("amount")}
        >
          <Input
            id="whatif-amount"
            className={styles.control}
            value={form.amount}
            inputMode="decimal"
            contentAfter={form.kind === "percent" ? <span aria-hidden="true">%</span> : undefined}
            contentBefore={form.kind === "perPoint" ? <span aria-hidden="true">£</span> : undefined}
            onChange={(_, data) => dispatch({ type: "amountEdited", text: data.value })}
          />
        </Field>
      )}
      {view.largeChange !== null && (
        <Checkbox
          id="whatif-confirm"
          checked={form.confirmed}
          label="Yes, change rates by more than 50%"
          onChange={(_, data) => dispatch({ type: "largeChangeConfirmed", confirmed: data.checked === true })}
        />
      )}
      {form.kind === "moveBound" && (
        <>
          <Field label="Band">
            <Select
              id="whatif-band"
              className={styles.control}
              value={String(form.band)}
              onChange={(_, data) => dispatch({ type: "bandChosen", band: Number(data.value) })}
            >
              {view.bands.map((bound, band) => (
                <option key={bound} value={band}>
                  {`Band ${band + 1}: from ${bound} points`}
                </option>
              ))}
            </Select>
          </Field>
          <Field label="New lower bound (points)" {...fieldProblem("bound")}>
            <Input
              id="whatif-bound"
              className={styles.control}
              value={form.bound}
              inputMode="decimal"
              onChange={(_, data) => dispatch({ type: "boundEdited", text: data.value })}
            />
          </Field>
        </>
      )}
    </div>
  );
}
