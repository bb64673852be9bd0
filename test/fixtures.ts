// Small, hand-checkable tables shared by the tests. Every figure expected from them is worked out
// in the test that uses it.
export const scoringSheet = [
  ["Question", "A", "B", "C", "D"],
  ["Personal care", 0, 5, 10, 15],
  ["Eating & food", 0, 3, 6, ""],
  ["Social & community", 0, 2.5, 5, 7.5],
  ["Informal care", 0, -5, -10, ""],
];

/** Marginal £ per point by band, per care group (annual £). */
export const bandTable = [
  ["Points from", "Older people", "Physical disability", "Learning disability", "Mental health"],
  [0, 50, 60, 70, 40],
  [20, 80, 90, 100, 60],
  [40, 120, 130, 150, 90],
];

/** Coventry-style outcomes RAS: category → annual £. */
export const categoryTable = [
  ["Category", "Older people", "Learning disability"],
  ["Basic", 2600, 3900],
  ["Standard", 7800, 10400],
  ["Enhanced", 15600, "-"],
];

/** PB.REPRICE's header row, as the issue that asked for it spells it (written out, not taken from the engine). */
export const REPRICE_HEADER = [
  "Care group",
  "People",
  "Current",
  "Proposed",
  "Change",
  "Change %",
  "Better off",
  "Worse off",
  "Unchanged",
];

/** A plan line's fields as typed in the pane: 10 hours a week of a personal assistant at £19.55 an hour. */
export const PERSONAL_ASSISTANT_LINE = {
  service: "Personal assistant",
  quantity: "10",
  unit: "hour",
  unitCost: "19.55",
  frequency: "week",
  managedAs: "Direct payment",
};
