// The person's copy of their support plan (Care Act 2014 s.25): in plain English, from a saved plan's own rows, as
// one document that both the sheet printed from Excel and the page the browser prints are made from, so the two say
// the same words and figures. No word of the council's machinery (its allocation system, its functions, its
// tolerance) appears on it.
import {
  Decimal,
  formatPounds,
  lineAnnualCost,
  lineInWords,
  ManagedAs,
  MANAGED_AS,
  planCharge,
  PlanTotals,
  serialFromIso,
  calendarDate,
  SupportPlanLine,
  toPence,
} from "../../engine";
import { CellRange, SheetCell, SheetSpec } from "../port";

/** A saved plan as its copy needs it: whose, what for, the lines as saved, the figures and dates as agreed. */
export interface PlanForCopy {
  readonly planId: string;
  readonly name: string;
  readonly outcomes: string;
  readonly contact: string;
  readonly lines: readonly SupportPlanLine[];
  readonly totals: PlanTotals;
  /** The workbook's weeks in a year, which the totals were counted over too. */
  readonly weeksInYear: Decimal;
  /** The person's assessed charge a week, or null for none. */
  readonly weeklyCharge: Decimal | null;
  /** The indicative budget a year the plan was set against, as Plans records it. */
  readonly indicativeAnnual: Decimal;
  /** ISO dates. */
  readonly startDate: string | null;
  readonly endDate: string | null;
  readonly reviewDate: string | null;
  /** The day the copy is made (ISO). */
  readonly madeOn: string;
}

/** One service of the plan, in words. */
export interface CopyService {
  readonly service: string;
  readonly howOften: string;
  readonly cost: string;
  readonly managed: string;
}

/** A part of the copy: a heading, then paragraphs, label–value rows and services, in that order. */
export interface CopySection {
  readonly heading: string;
  readonly paragraphs?: readonly string[];
  readonly rows?: readonly (readonly [label: string, value: string])[];
  readonly services?: readonly CopyService[];
}

/** The copy as words, for a sheet and for a page. */
export interface PersonCopy {
  readonly title: string;
  /** Whose plan, its reference and the day it was made. */
  readonly subtitle: string;
  readonly sections: readonly CopySection[];
  /** The figures on it, for checking against the plan's. */
  readonly figures: { readonly annual: Decimal; readonly weekly: Decimal; readonly indicativeAnnual: Decimal };
}

/** How each way of managing money is named on the copy, and what it means for the person. */
export const MANAGED_MEANS: Readonly<Record<ManagedAs, { readonly name: string; readonly means: string }>> = {
  "Direct payment": {
    name: "Direct payment",
    means:
      "We pay this money to you (or someone acting for you) so that you can arrange and pay for this support " +
      "yourself. Keep records and receipts of what you spend; money not used for your support may be asked back.",
  },
  "Council-managed": {
    name: "Arranged by the council",
    means: "We arrange this support for you and pay the people who provide it. You do not handle this money.",
  },
  "Individual Service Fund": {
    name: "Individual Service Fund",
    means:
      "A provider you choose holds this money for you and works with you to arrange your support as this plan " +
      "says. You do not handle this money yourself.",
  },
};

const MONTHS = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
];

/** "1 April 2026": a date as a letter gives it. */
export function longDate(iso: string): string {
  const { year, month, day } = calendarDate(serialFromIso(iso));
  return `${day} ${MONTHS[month - 1]} ${year}`;
}

const costOf = (line: SupportPlanLine, weeksInYear: Decimal) =>
  `${formatPounds(lineAnnualCost(line, weeksInYear))} ${line.frequency === "once" ? "once" : "a year"}`;

/** What the person pays towards their support and what the council pays, by the plan's charge (none: no rows). */
function chargeRows(annual: Decimal, weekly: Decimal, plan: PlanForCopy): [string, string][] {
  if (plan.weeklyCharge === null || plan.weeklyCharge.isZero()) return [];
  const split = planCharge({ annual, weekly }, plan.weeklyCharge, plan.weeksInYear);
  return [
    ["What you pay towards it a week (your assessed charge)", formatPounds(split.weekly.contribution)],
    ["What the council pays a year", formatPounds(split.annual.council)],
  ];
}

/** The person's copy of a saved plan, in plain English. */
export function personCopy(plan: PlanForCopy): PersonCopy {
  const annual = toPence(plan.totals.annual);
  const weekly = toPence(plan.totals.weekly);
  const indicativeAnnual = toPence(plan.indicativeAnnual);
  const outcomes = plan.outcomes
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== "");
  const ways = MANAGED_AS.filter((managedAs) => plan.lines.some((line) => line.managedAs === managedAs));
  const spread = plan.totals.oneOff.isZero()
    ? []
    : [
        `This includes ${formatPounds(toPence(plan.totals.oneOff))} for things paid for once; the amount a week ` +
          "spreads them over the year.",
      ];
  const dates: [string, string][] = [];
  if (plan.startDate) dates.push(["Your plan starts", longDate(plan.startDate)]);
  if (plan.endDate) dates.push(["Your plan ends", longDate(plan.endDate)]);
  if (plan.reviewDate) dates.push(["We will look at your plan again with you by", longDate(plan.reviewDate)]);
  return {
    title: "Your support plan",
    subtitle: `${plan.name} · plan ${plan.planId} · made on ${longDate(plan.madeOn)}`,
    figures: { annual, weekly, indicativeAnnual },
    sections: [
      {
        heading: "What your plan is for",
        paragraphs:
          outcomes.length > 0
            ? outcomes
            : ["What you want your support to help you do has not been written down yet: please ask us to add it."],
      },
      {
        heading: "Your support",
        services: plan.lines.map((line) => ({
          service: line.service,
          howOften: lineInWords(line),
          cost: costOf(line, plan.weeksInYear),
          managed: MANAGED_MEANS[line.managedAs].name,
        })),
      },
      {
        heading: "Your personal budget",
        rows: [
          ["A year", formatPounds(annual)],
          ["A week", formatPounds(weekly)],
          [
            "The amount first worked out from your assessment (your indicative budget)",
            `${formatPounds(indicativeAnnual)} a year`,
          ],
          ...chargeRows(annual, weekly, plan),
        ],
        paragraphs: ["Your personal budget is the money agreed to pay for the support in this plan.", ...spread],
      },
      {
        heading: "How the money is managed",
        paragraphs: ways.map((managedAs) => `${MANAGED_MEANS[managedAs].name}: ${MANAGED_MEANS[managedAs].means}`),
      },
      { heading: "Dates", rows: dates },
      {
        heading: "Who to contact",
        paragraphs: [
          plan.contact.trim() !== ""
            ? plan.contact.trim()
            : "Your council's adult social care team: please ask us for a name and a phone number.",
          "Tell us if your needs change, or if something in this plan is not right.",
        ],
      },
    ],
  };
}

/** Every word on the copy, in reading order: what is checked for jargon. */
export function copyText(copy: PersonCopy): string[] {
  return [
    copy.title,
    copy.subtitle,
    ...copy.sections.flatMap((section) => [
      section.heading,
      ...(section.paragraphs ?? []),
      ...(section.rows ?? []).flat(),
      ...(section.services ?? []).flatMap((service) => [
        service.service,
        service.howOften,
        service.cost,
        service.managed,
      ]),
    ]),
  ];
}

/** Words that never appear on the copy: the council's machinery, not the person's plan. */
export const JARGON = [/\bRAS\b/, /\bPB\./, /tolerance/i];

// The sheet: four columns, A4 portrait, fitted to one page wide. Long text is broken into rows at word boundaries,
// so nothing runs past column D or depends on Excel wrapping it.
const COLUMN_WIDTHS = [34, 26, 18, 24];
const LINE_LENGTH = 95;
const WIDTH = COLUMN_WIDTHS.length;

/** Text broken at spaces into lines of at most `length` characters (a longer word stands alone). */
export function wrapWords(text: string, length = LINE_LENGTH): string[] {
  const lines: string[] = [];
  let current = "";
  // Stryker disable next-line Regex: equivalent; the empty words /\s/ splits out between spaces are filtered away
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (current !== "" && current.length + 1 + word.length > length) {
      lines.push(current);
      current = word;
    } else current = current === "" ? word : `${current} ${word}`;
  }
  if (current !== "") lines.push(current);
  return lines;
}

/** The copy as a sheet laid out to print on A4: title rows repeated on every page, one page wide. */
export function personCopySheet(name: string, copy: PersonCopy): SheetSpec {
  const cells: SheetCell[] = [];
  let row = 0;
  const put = (column: number, value: string, bold = false) =>
    cells.push({ row, column, value, ...(bold ? { bold: true } : {}) });
  put(0, copy.title, true);
  row++;
  put(0, copy.subtitle);
  row += 2;
  for (const section of copy.sections) {
    put(0, section.heading, true);
    row++;
    if (section.services && section.services.length > 0) {
      ["Support", "How much and how often", "Cost", "How it is paid"].forEach((header, column) =>
        put(column, header, true),
      );
      row++;
      for (const service of section.services) {
        [service.service, service.howOften, service.cost, service.managed].forEach((text, column) => put(column, text));
        row++;
      }
    }
    for (const [label, value] of section.rows ?? []) {
      const lines = wrapWords(label, 60);
      lines.forEach((text, at) => {
        put(0, text);
        if (at === 0) put(2, value);
        row++;
      });
    }
    for (const paragraph of section.paragraphs ?? []) {
      for (const line of wrapWords(paragraph)) {
        put(0, line);
        row++;
      }
    }
    row++;
  }
  const area: CellRange = { row: 0, column: 0, rows: row, columns: WIDTH };
  return {
    name,
    cells,
    columnWidths: COLUMN_WIDTHS,
    print: {
      paper: "A4",
      orientation: "Portrait",
      area,
      titleRows: { first: 0, last: 1 },
      zoom: { horizontalFitToPages: 1, verticalFitToPages: 0 },
    },
  };
}
