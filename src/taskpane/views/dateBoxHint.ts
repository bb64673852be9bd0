import { formatDate, isIsoDate } from "../../engine";

/**
 * What a date box says under it: the day in words ("1 Oct 2026"), then its hint. A browser shows a date box
 * in its own locale's order (10/01/2026 for 1 October in the US), so the words say which day it holds.
 */
export function dateBoxHint(iso: string, hint: string): string {
  return isIsoDate(iso) ? `${formatDate(iso)}. ${hint}` : hint;
}
