// Suggesting which of the council's columns is each of the add-in's, by header: the same words once case, spaces,
// punctuation and numbering are set aside ("Q3. Getting about" is "Getting about"), a word councils use for it
// ("Service user number" for the person ID), or close enough by a similarity score. A suggestion is only that: the
// pane shows it, with the rows it reads, for the user to keep or change.

/** Headers councils use for the add-in's columns, beside the add-in's own. */
const SYNONYMS: Readonly<Record<string, readonly string[]>> = {
  "person id": [
    "client id",
    "client number",
    "client ref",
    "client reference",
    "service user number",
    "service user id",
    "service user ref",
    "su number",
    "su id",
    "person number",
    "person ref",
    "person reference",
    "customer id",
    "customer number",
    "mosaic id",
    "mosaic number",
    "lcs id",
    "liquidlogic id",
    "id",
    "ref",
    "reference",
  ],
  name: ["client name", "full name", "person name", "service user name", "service user", "customer name", "client"],
  "care group": [
    "client group",
    "client category",
    "primary support reason",
    "psr",
    "service user group",
    "support reason",
    "group",
    "client type",
  ],
  points: ["ras points", "ras score", "score", "total points", "points total", "assessment score", "total score"],
  "indicative budget": [
    "indicative personal budget",
    "indicative amount",
    "ipb",
    "ras budget",
    "estimated budget",
    "indicative allocation",
  ],
  service: ["service name", "service type", "description", "service description", "support type", "item"],
  unit: ["per", "unit of measure", "uom", "units", "charged per", "unit type"],
  "unit cost": ["cost", "rate", "price", "unit price", "unit rate", "cost per unit", "hourly rate", "rate per unit"],
  frequency: ["how often", "period", "per period", "frequency of service", "billing period"],
  "managed as": [
    "managed",
    "how managed",
    "funding route",
    "payment type",
    "payment method",
    "delivery route",
    "arranged by",
    "managed by",
    "funding type",
  ],
};

/** A header's words only: lower case, "&" as "and", punctuation and a leading question number ("Q3.", "3)") gone. */
export function normaliseHeader(header: string): string {
  return header
    .toLowerCase()
    .replace(/&/g, " and ")
    .replace(/£/g, " ")
    .replace(/[^a-z0-9]+/g, " ")
    .trim()
    .replace(/^(?:q|question)?\s*\d+\s+(?=[a-z])/, "")
    .trim();
}

/** Pairs of letters of a text, for the Sørensen–Dice similarity. */
function bigrams(text: string): string[] {
  const squeezed = text.replace(/ /g, "");
  return Array.from({ length: Math.max(squeezed.length - 1, 0) }, (_, at) => squeezed.slice(at, at + 2));
}

/** Sørensen–Dice over letter pairs: 1 for the same letters in the same order, 0 for nothing in common. */
export function similarity(a: string, b: string): number {
  const [x, y] = [bigrams(a), bigrams(b)];
  if (x.length === 0 || y.length === 0) return a === b ? 1 : 0;
  const counts = new Map<string, number>();
  x.forEach((pair) => counts.set(pair, (counts.get(pair) ?? 0) + 1));
  let shared = 0;
  for (const pair of y) {
    const left = counts.get(pair) ?? 0;
    if (left > 0) {
      shared++;
      counts.set(pair, left - 1);
    }
  }
  return (2 * shared) / (x.length + y.length);
}

const wholeWords = (text: string, words: string) => ` ${text} `.includes(` ${words} `);

/**
 * How well a council header fits one of the add-in's columns, 0 to 1: 1 for the same words or a synonym; 0.9 when
 * the header holds the field's words whole ("Q1 Personal care needs" for "Personal care"); else the similarity of
 * the closest of the field and its synonyms.
 */
export function headerScore(field: string, header: string): number {
  const [wanted, given] = [normaliseHeader(field), normaliseHeader(header)];
  if (given === "") return 0;
  const names = [wanted, ...(SYNONYMS[wanted] ?? [])];
  if (names.includes(given)) return 1;
  if (wanted.includes(" ") && wholeWords(given, wanted)) return 0.9;
  return Math.max(...names.map((name) => similarity(name, given)));
}

/** Below this a header is not suggested. */
export const SUGGESTED = 0.7;

/**
 * The council's header suggested for each field, each header used once: the best fits first, so "Client name"
 * goes to Name before Person ID can take it for its "client". Fields with no header close enough are left out.
 */
export function suggestColumns(fields: readonly string[], headers: readonly string[]): Map<string, string> {
  const pairs = fields
    .flatMap((field) => headers.map((header) => ({ field, header, score: headerScore(field, header) })))
    .filter((pair) => pair.score >= SUGGESTED)
    .sort((a, b) => b.score - a.score);
  const chosen = new Map<string, string>();
  const used = new Set<string>();
  for (const pair of pairs) {
    if (chosen.has(pair.field) || used.has(pair.header)) continue;
    chosen.set(pair.field, pair.header);
    used.add(pair.header);
  }
  return chosen;
}
