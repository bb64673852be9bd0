/**
 * Where a key moves focus along a row of tabs, as WAI-ARIA's tabs pattern has it (and Fluent's tab list did):
 * the arrows step and wrap round, Home and End go to the ends. Focus only: a tab is chosen with Enter, Space or
 * a click (manual activation), as choosing one can ask about unsaved work. Any other key: null.
 */
export function tabAfterKey(key: string, index: number, count: number): number | null {
  switch (key) {
    case "ArrowRight":
      return (index + 1) % count;
    case "ArrowLeft":
      return (index - 1 + count) % count;
    case "Home":
      return 0;
    case "End":
      return count - 1;
    default:
      return null;
  }
}
