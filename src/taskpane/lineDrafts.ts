import { checkLine, LineProblems, SupportPlanLine } from "../engine";
import { Service } from "../workbook/planBook";

/** A plan line as it is being typed: every field is the text in its box, checked on each change. */
export interface LineDraft {
  readonly key: number;
  readonly service: string;
  readonly quantity: string;
  readonly unit: string;
  readonly unitCost: string;
  readonly frequency: string;
  readonly managedAs: string;
}

export type LineField = Exclude<keyof LineDraft, "key">;

let nextKey = 1;
const newKey = () => nextKey++;

export function draftFromService(service: Service): LineDraft {
  return {
    key: newKey(),
    service: service.service,
    quantity: "1",
    unit: service.unit,
    unitCost: service.unitCost.toFixed(2),
    frequency: service.frequency,
    managedAs: service.managedAs,
  };
}

export function draftFromLine(line: SupportPlanLine): LineDraft {
  return {
    key: newKey(),
    service: line.service,
    quantity: line.quantity.toString(),
    unit: line.unit,
    unitCost: line.unitCost.toFixed(2),
    frequency: line.frequency,
    managedAs: line.managedAs,
  };
}

export function emptyDraft(): LineDraft {
  return {
    key: newKey(),
    service: "",
    quantity: "",
    unit: "",
    unitCost: "",
    frequency: "week",
    managedAs: "Direct payment",
  };
}

/** Every draft checked: the valid lines, and the problems of each line that is not. */
export function checkDrafts(drafts: readonly LineDraft[]): {
  lines: SupportPlanLine[];
  byKey: ReadonlyMap<number, SupportPlanLine>;
  problems: ReadonlyMap<number, LineProblems>;
} {
  const byKey = new Map<number, SupportPlanLine>();
  const problems = new Map<number, LineProblems>();
  for (const draft of drafts) {
    const checked = checkLine(draft);
    if ("line" in checked) byKey.set(draft.key, checked.line);
    else problems.set(draft.key, checked.problems);
  }
  return { lines: [...byKey.values()], byKey, problems };
}
