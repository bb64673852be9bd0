// Finding a person, a plan or a service by typing part of it. Case, accents and the style of apostrophe are
// ignored, so "O'Connor" (straight) finds "O’Connor" (curly) and the reverse, and "Zoe" finds "Zoë"; every
// word typed must appear somewhere in the choice's text.

/** Apostrophes and their look-alikes, as a straight one: ’ ‘ ʼ ` ´ ′. */
const APOSTROPHES = /[\u2019\u2018\u02bc\u0060\u00b4\u2032]/g;

/** Text in the form searching compares: lower case, accents and other marks gone, apostrophes straight. */
export function searchKey(text: string): string {
  return text.normalize("NFD").replace(/\p{M}/gu, "").replace(APOSTROPHES, "'").toLowerCase();
}

/** The words typed, in the form searching compares. */
export function searchWords(typed: string): string[] {
  return searchKey(typed).split(/\s+/).filter(Boolean);
}

/** The indices of the keys (each made with searchKey) that hold every word typed, in order. */
export function matchingIndices(keys: readonly string[], typed: string): number[] {
  const words = searchWords(typed);
  const found: number[] = [];
  keys.forEach((key, index) => {
    if (words.every((word) => key.includes(word))) found.push(index);
  });
  return found;
}
