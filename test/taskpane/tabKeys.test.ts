import fc from "fast-check";
import { tabAfterKey } from "../../src/taskpane/tabKeys";

describe("tabAfterKey (WAI-ARIA tabs: where a key moves focus)", () => {
  it("steps with the arrows, wrapping round, and jumps to the ends with Home and End", () => {
    // Three tabs, focus on each in turn.
    expect([0, 1, 2].map((index) => tabAfterKey("ArrowRight", index, 3))).toEqual([1, 2, 0]);
    expect([0, 1, 2].map((index) => tabAfterKey("ArrowLeft", index, 3))).toEqual([2, 0, 1]);
    expect([0, 1, 2].map((index) => tabAfterKey("Home", index, 3))).toEqual([0, 0, 0]);
    expect([0, 1, 2].map((index) => tabAfterKey("End", index, 3))).toEqual([2, 2, 2]);
  });

  it("leaves other keys alone: Enter and Space choose the tab (the button's own click), Tab leaves the row", () => {
    for (const key of ["Enter", " ", "Tab", "ArrowDown", "ArrowUp", "a"]) expect(tabAfterKey(key, 1, 3)).toBeNull();
  });

  it("always lands on a tab, and right then left comes back", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 50 }), fc.nat(), (count, seed) => {
        const index = seed % count;
        for (const key of ["ArrowRight", "ArrowLeft", "Home", "End"]) {
          const next = tabAfterKey(key, index, count)!;
          expect(Number.isInteger(next) && next >= 0 && next < count).toBe(true);
        }
        expect(tabAfterKey("ArrowLeft", tabAfterKey("ArrowRight", index, count)!, count)).toBe(index);
      }),
    );
  });
});
