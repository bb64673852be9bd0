// Plan lines as they are typed: every field is the text in its box, checked by the engine on each change.
import {
  Cell,
  CheckedLine,
  checkLine,
  Decimal,
  EngineError,
  isBlank,
  LineField,
  LineFields,
  readFrequency,
  readManagedAs,
  SupportPlanLine,
} from "../../engine";
import { Service } from "../../workbook/planBook";

export const LINE_FIELDS: readonly LineField[] = [
  "service",
  "quantity",
  "unit",
  "unitCost",
  "frequency",
  "staff",
  "managedAs",
];

/** The text of each field of a line. */
export type LineTexts = { readonly [K in LineField]: string };

export interface LineDraft extends LineTexts {
  /** Identifies the line while it is edited (line numbers change as lines are removed). */
  readonly key: number;
  /** The Line number of its own row in PlanLines, so a save writes it back there; null for a line not saved yet. */
  readonly savedLine: number | null;
  /**
   * Fields whose problems are shown: every field of a line from the catalogue or the workbook, and only the
   * fields already left of a line being typed (until Save is tried).
   */
  readonly shown: "all" | readonly LineField[];
}

/** Money as text without hiding a digit: "28.50", but "19.555" stays "19.555" for the rules to refuse. */
export function moneyText(amount: Decimal): string {
  return amount.decimalPlaces() <= 2 ? amount.toFixed(2) : amount.toString();
}

/** A cell from the workbook as the text of a box, exactly (a number as JavaScript writes it back). */
function cellText(cell: Cell): string {
  if (cell === null || cell === undefined) return "";
  if (typeof cell === "boolean") return cell ? "TRUE" : "FALSE";
  return String(cell);
}

export function textsFromService(service: Service): LineTexts {
  return {
    service: service.service,
    quantity: "1",
    unit: service.unit,
    unitCost: moneyText(service.unitCost),
    frequency: service.frequency,
    staff: "1",
    managedAs: service.managedAs,
  };
}

/** A choice in its usual spelling ("Weekly" → "week"), or as it is when the rules will refuse it. */
function usualSpelling(read: (cell: Cell, where: string) => string, cell: Cell): string {
  try {
    return read(cell, "");
  } catch (error) {
    if (!(error instanceof EngineError)) throw error;
    return cellText(cell);
  }
}

export function textsFromCells(cells: LineFields): LineTexts {
  const unitCost =
    typeof cells.unitCost === "number" && Number.isFinite(cells.unitCost)
      ? moneyText(new Decimal(cells.unitCost))
      : cellText(cells.unitCost);
  return {
    service: cellText(cells.service),
    quantity: cellText(cells.quantity),
    unit: cellText(cells.unit),
    unitCost,
    frequency: usualSpelling(readFrequency, cells.frequency),
    // A row saved before lines said how many staff at once has one member of staff.
    staff: isBlank(cells.staff) ? "1" : cellText(cells.staff),
    managedAs: usualSpelling(readManagedAs, cells.managedAs),
  };
}

export const EMPTY_LINE: LineTexts = {
  service: "",
  quantity: "",
  unit: "",
  unitCost: "",
  frequency: "week",
  staff: "1",
  managedAs: "Direct payment",
};

/** The texts of a draft, without its key and display state. */
export const textsOf = ({ service, quantity, unit, unitCost, frequency, staff, managedAs }: LineTexts): LineTexts => ({
  service,
  quantity,
  unit,
  unitCost,
  frequency,
  staff,
  managedAs,
});

/** Every draft checked by the engine, with the valid lines in order. */
export function checkDrafts(drafts: readonly LineDraft[]): {
  byKey: ReadonlyMap<number, CheckedLine>;
  lines: SupportPlanLine[];
} {
  const byKey = new Map(drafts.map((draft) => [draft.key, checkLine(draft)]));
  return { byKey, lines: [...byKey.values()].flatMap((checked) => (checked.line ? [checked.line] : [])) };
}
