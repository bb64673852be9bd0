import {
  Badge,
  Button,
  Divider,
  Dropdown,
  Field,
  Input,
  makeStyles,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Option,
  Radio,
  RadioGroup,
  Spinner,
  Text,
  Textarea,
  Title3,
  tokens,
} from "@fluentui/react-components";
import { useCallback, useEffect, useMemo, useState } from "react";
import { annualCost, formatPercent, formatPounds, PlanStatus, PLAN_STATUSES } from "../engine";
import {
  assess,
  costPlan,
  openPlan,
  PlanBook,
  PlanDraft,
  readPlanBook,
  savePlan,
  WorkbookProblem,
} from "../workbook/planBook";
import { setUpWorkbook } from "../workbook/starter";
import { Workbook } from "../workbook/port";
import { LineEditor } from "./LineEditor";
import { checkDrafts, draftFromLine, draftFromService, emptyDraft, LineDraft, LineField } from "./lineDrafts";
import { ToleranceSettings } from "./ToleranceSettings";
import { Totals } from "./Totals";

const useStyles = makeStyles({
  pane: {
    display: "flex",
    flexDirection: "column",
    gap: "12px",
    padding: "12px",
    maxWidth: "440px",
    boxSizing: "border-box",
  },
  row: { display: "flex", gap: "8px", alignItems: "flex-end" },
  grow: { flexGrow: 1 },
  figures: { display: "grid", gridTemplateColumns: "auto 1fr", columnGap: "12px", rowGap: "2px" },
  explanation: { color: tokens.colorNeutralForeground2, whiteSpace: "pre-wrap" },
  lines: { display: "flex", flexDirection: "column", gap: "8px" },
});

const NAME_KEY = "personal-budgets.updated-by";

function rememberedName(): string {
  try {
    return window.localStorage.getItem(NAME_KEY) ?? "";
  } catch {
    return "";
  }
}

interface Editing {
  readonly planId: string | null;
  readonly personId: string;
  readonly drafts: readonly LineDraft[];
  readonly status: PlanStatus;
  readonly reason: string;
  readonly updatedAt: string | null;
  readonly updatedBy: string;
}

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** The support-plan builder. All it knows of the workbook is the narrow Workbook interface. */
export function App({ workbook }: { workbook: Workbook }) {
  const styles = useStyles();
  const [book, setBook] = useState<PlanBook | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [busy, setBusy] = useState(true);
  const [editing, setEditing] = useState<Editing | null>(null);
  const [catalogueChoice, setCatalogueChoice] = useState("");
  const [catalogueProblem, setCatalogueProblem] = useState<string | null>(null);
  const [saveProblems, setSaveProblems] = useState<string[]>([]);
  const [name, setName] = useState(rememberedName);

  const reload = useCallback(async () => {
    try {
      setBook(await readPlanBook(workbook));
      setProblem(null);
    } catch (error) {
      setBook(null);
      setProblem(messageOf(error));
      if (!(error instanceof WorkbookProblem)) console.error(error);
    }
  }, [workbook]);

  useEffect(() => {
    reload().finally(() => setBusy(false));
  }, [reload]);

  const act = async (work: () => Promise<void>) => {
    setBusy(true);
    setNotice(null);
    try {
      await work();
    } catch (error) {
      setProblem(messageOf(error));
    } finally {
      setBusy(false);
    }
  };

  const setUp = () =>
    act(async () => {
      const report = await setUpWorkbook(workbook);
      await reload();
      const created = report.created.map((table) =>
        table.sheet === table.table ? table.table : `${table.table} (on sheet ${table.sheet})`,
      );
      setNotice(
        created.length > 0
          ? `Added ${created.join(", ")}.${report.kept.length > 0 ? ` Kept your ${report.kept.join(", ")} as they were.` : ""}`
          : "The workbook already has every table; nothing was changed.",
      );
    });

  const person = book && editing ? book.people.find((candidate) => candidate.id === editing.personId) : undefined;
  const assessment = book && person ? assess(book, person) : null;
  const priced = assessment && !("problem" in assessment) ? assessment : null;
  const checked = useMemo(() => checkDrafts(editing?.drafts ?? []), [editing?.drafts]);
  const costed = book && editing ? costPlan(checked.lines, priced, book.tolerance) : null;

  const pickPerson = (personId: string) => {
    setSaveProblems([]);
    setNotice(null);
    const existing = book?.plans.find((plan) => plan.personId === personId);
    setEditing({ planId: null, personId, drafts: [], status: "Draft", reason: "", updatedAt: null, updatedBy: "" });
    if (existing)
      setNotice(
        `${existing.name} already has plan ${existing.planId}; open it below to change it, or build a new plan here.`,
      );
  };

  const reopen = (planId: string) =>
    act(async () => {
      const plan = await openPlan(workbook, planId);
      setSaveProblems([]);
      setEditing({ ...plan, drafts: plan.lines.map(draftFromLine) });
    });

  const update = (change: Partial<Editing>) => editing && setEditing({ ...editing, ...change });
  const changeLine = (key: number, field: LineField, value: string) =>
    update({ drafts: editing!.drafts.map((draft) => (draft.key === key ? { ...draft, [field]: value } : draft)) });

  const addFromCatalogue = () => {
    const service = book?.services.find(
      (candidate) => candidate.service.toLowerCase() === catalogueChoice.trim().toLowerCase(),
    );
    if (!service) {
      setCatalogueProblem(
        catalogueChoice.trim() === ""
          ? "Pick a service from the catalogue first."
          : `There is no service called "${catalogueChoice.trim()}" in the Services table. Pick one from the list, or add a typed line.`,
      );
      return;
    }
    setCatalogueProblem(null);
    update({ drafts: [...editing!.drafts, draftFromService(service)] });
  };

  const save = () =>
    act(async () => {
      if (!book || !editing) return;
      const lineProblems = [...checked.problems.keys()].map(
        (key) =>
          `Line ${editing.drafts.findIndex((draft) => draft.key === key) + 1} has a problem: fix the field marked in red.`,
      );
      if (lineProblems.length > 0) {
        setSaveProblems(lineProblems);
        return;
      }
      const draft: PlanDraft = { ...editing, lines: checked.lines, updatedBy: name };
      try {
        const saved = await savePlan(workbook, book, draft, new Date());
        setSaveProblems([]);
        setEditing({ ...editing, planId: saved.planId, updatedAt: saved.updatedAt, updatedBy: saved.updatedBy });
        await reload();
        setNotice(`Saved plan ${saved.planId} to the Plans and PlanLines tables.`);
      } catch (error) {
        if (!(error instanceof WorkbookProblem)) throw error;
        setSaveProblems([error.message]);
      }
    });

  const changeName = (value: string) => {
    setName(value);
    try {
      window.localStorage.setItem(NAME_KEY, value);
    } catch {
      // Storage can be off in some browsers; the name then lasts for this session only.
    }
  };

  const light = costed?.againstBudget;
  return (
    <main className={styles.pane} aria-busy={busy}>
      <Title3 as="h1">Support plan</Title3>
      {busy && <Spinner size="tiny" label="Working…" />}
      {problem && (
        <MessageBar intent="error">
          <MessageBarBody>
            <MessageBarTitle>The workbook needs attention</MessageBarTitle>
            {problem}
          </MessageBarBody>
        </MessageBar>
      )}
      {notice && (
        <MessageBar intent="success">
          <MessageBarBody>{notice}</MessageBarBody>
        </MessageBar>
      )}
      {book?.warnings.map((warning) => (
        <MessageBar key={warning} intent="warning">
          <MessageBarBody>{warning}</MessageBarBody>
        </MessageBar>
      ))}
      <div className={styles.row}>
        <Button onClick={setUp} disabled={busy}>
          Set up workbook
        </Button>
        <Button
          onClick={() => act(reload)}
          disabled={busy}
          title="Read people, prices, services and plans again after changing them in the workbook"
        >
          Refresh
        </Button>
      </div>
      {book && book.plans.length > 0 && (
        <Field label="Open a saved plan">
          <Dropdown
            placeholder="Saved plans"
            onOptionSelect={(_, data) => data.optionValue && reopen(data.optionValue)}
          >
            {book.plans.map((plan) => (
              <Option key={plan.planId} value={plan.planId} text={`${plan.planId} ${plan.name}`}>
                {`${plan.planId} · ${plan.name} · ${plan.status}`}
              </Option>
            ))}
          </Dropdown>
        </Field>
      )}
      {book && (
        <>
          <Field label="Person">
            <Dropdown
              placeholder="Pick a person"
              value={person ? `${person.id} ${person.name}` : ""}
              selectedOptions={person ? [person.id] : []}
              onOptionSelect={(_, data) => data.optionValue && pickPerson(data.optionValue)}
            >
              {book.people.map((candidate) => (
                <Option key={candidate.id} value={candidate.id} text={`${candidate.id} ${candidate.name}`}>
                  {`${candidate.id} ${candidate.name} (${candidate.careGroup})`}
                </Option>
              ))}
            </Dropdown>
          </Field>
          {assessment && "problem" in assessment && (
            <MessageBar intent="warning">
              <MessageBarBody>{assessment.problem}</MessageBarBody>
            </MessageBar>
          )}
          {priced && person && (
            <section aria-label="Assessment and indicative budget">
              <div className={styles.figures}>
                <Text>Care group</Text>
                <Text weight="semibold">{person.careGroup}</Text>
                <Text>Points</Text>
                <Text weight="semibold" aria-label="Points">
                  {priced.points.toString()}
                </Text>
                <Text>Indicative budget</Text>
                <Text weight="semibold" aria-label="Indicative budget">
                  {`${formatPounds(priced.budget.result)} a year (${formatPounds(priced.weekly)} a week)`}
                </Text>
              </div>
              <Text as="p" size={200} className={styles.explanation} aria-label="How the budget was reached">
                {priced.explanation}
              </Text>
            </section>
          )}
          {editing && priced && (
            <>
              <Divider />
              <Text weight="semibold" as="h2">
                {editing.planId ? `Plan ${editing.planId}` : "New plan"}
              </Text>
              <div className={styles.lines}>
                {editing.drafts.map((draft, index) => {
                  const line = checked.byKey.get(draft.key);
                  return (
                    <LineEditor
                      key={draft.key}
                      number={index + 1}
                      draft={draft}
                      problems={checked.problems.get(draft.key)}
                      annualCost={line ? formatPounds(annualCost(line)) : null}
                      onChange={(field, value) => changeLine(draft.key, field, value)}
                      onRemove={() => update({ drafts: editing.drafts.filter((other) => other.key !== draft.key) })}
                    />
                  );
                })}
              </div>
              <div className={styles.row}>
                <Field
                  label="Service from the catalogue"
                  className={styles.grow}
                  validationMessage={catalogueProblem}
                  validationState={catalogueProblem ? "error" : "none"}
                >
                  <Dropdown
                    placeholder="Pick a service"
                    value={catalogueChoice}
                    selectedOptions={catalogueChoice ? [catalogueChoice] : []}
                    onOptionSelect={(_, data) => setCatalogueChoice(data.optionValue ?? "")}
                  >
                    {book.services.map((service) => (
                      <Option key={service.service} value={service.service} text={service.service}>
                        {`${service.service} · ${formatPounds(service.unitCost)} per ${service.unit}`}
                      </Option>
                    ))}
                  </Dropdown>
                </Field>
                <Button onClick={addFromCatalogue}>Add</Button>
              </div>
              <Button onClick={() => update({ drafts: [...editing.drafts, emptyDraft()] })}>Add a typed line</Button>
              {costed && <Totals totals={costed.totals} />}
              {light && (
                <section aria-label="Against the indicative budget" aria-live="polite">
                  <div className={styles.row}>
                    <Badge
                      size="large"
                      appearance="filled"
                      color={light.light === "Green" ? "success" : light.light === "Amber" ? "warning" : "danger"}
                      aria-label={`Traffic light ${light.light}`}
                    >
                      {light.light}
                    </Badge>
                    <Text>
                      {light.deviation === undefined
                        ? "Indicative budget is £0."
                        : `${formatPercent(light.deviation.abs().toDecimalPlaces(3))} ${light.deviation.isNegative() ? "below" : "above"} the indicative budget`}
                    </Text>
                  </div>
                  <Text as="p">{light.meaning}</Text>
                </section>
              )}
              <Field label="Status">
                <RadioGroup value={editing.status} onChange={(_, data) => update({ status: data.value as PlanStatus })}>
                  {PLAN_STATUSES.map((status) => (
                    <Radio key={status} value={status} label={status} />
                  ))}
                </RadioGroup>
              </Field>
              {editing.status === "Needs manager review" && (
                <Field label="Reason for manager review" required>
                  <Textarea value={editing.reason} onChange={(_, data) => update({ reason: data.value })} />
                </Field>
              )}
              <Field label="Your name" required>
                <Input value={name} onChange={(_, data) => changeName(data.value)} />
              </Field>
              {editing.updatedAt && <Text size={200}>{`Last saved ${editing.updatedAt.replace("T", " ")} by ${editing.updatedBy}`}</Text>}
              {saveProblems.length > 0 && (
                <MessageBar intent="error">
                  <MessageBarBody>
                    <MessageBarTitle>Not saved</MessageBarTitle>
                    {saveProblems.join(" ")}
                  </MessageBarBody>
                </MessageBar>
              )}
              <Button appearance="primary" onClick={save} disabled={busy}>
                Save plan
              </Button>
            </>
          )}
          <Divider />
          <ToleranceSettings workbook={workbook} tolerance={book.tolerance} onSaved={reload} />
        </>
      )}
    </main>
  );
}
