import { makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import { KeyboardEvent } from "react";
import { tabAfterKey } from "./tabKeys";

// A row of tabs drawn as Fluent UI's (transparent, medium), written here so the pane's first screen does not
// start Tabster, the focus manager behind Fluent's tab list arrow keys: with it, the tab list and Tabster were
// 45% of the first screen's Fluent code and their set-up ran before the first frame counted as drawn. The keys
// follow WAI-ARIA's tabs pattern (tabKeys.ts); focus stays where Tab expects it with a roving tabindex.
const useStyles = makeStyles({
  list: { display: "flex", flexWrap: "wrap", position: "relative" },
  tab: {
    display: "grid",
    alignItems: "center",
    justifyContent: "center",
    position: "relative",
    // Fluent's small tab's side padding (medium's is 10 px): four views' tabs fit one row of a 320 px pane.
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalSNudge}`,
    border: "none",
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: "transparent",
    color: tokens.colorNeutralForeground2,
    fontFamily: tokens.fontFamilyBase,
    fontSize: tokens.fontSizeBase300,
    lineHeight: tokens.lineHeightBase300,
    cursor: "pointer",
    outlineStyle: "none",
    outlineWidth: tokens.strokeWidthThick,
    outlineColor: tokens.colorStrokeFocus2,
    // The bar under a tab: the brand colour under the chosen one, grey under another while pointed at.
    "::after": {
      content: '""',
      position: "absolute",
      left: tokens.spacingHorizontalS,
      right: tokens.spacingHorizontalS,
      bottom: 0,
      height: tokens.strokeWidthThicker,
      borderRadius: tokens.borderRadiusCircular,
    },
    ":hover": { color: tokens.colorNeutralForeground2Hover },
    ":hover::after": { backgroundColor: tokens.colorNeutralStroke1Hover },
    ":focus-visible": { outlineStyle: "solid" },
  },
  chosen: {
    color: tokens.colorNeutralForeground1,
    ":hover": { color: tokens.colorNeutralForeground1 },
    "::after": { backgroundColor: tokens.colorCompoundBrandStroke },
    ":hover::after": { backgroundColor: tokens.colorCompoundBrandStroke },
  },
  // The label, and an unseen bold copy in the same cell, so a tab keeps its width when chosen (bold).
  label: { gridArea: "1 / 1", padding: `0 ${tokens.spacingHorizontalXXS}` },
  bold: { fontWeight: tokens.fontWeightSemibold },
  reserve: { visibility: "hidden" },
});

export interface TabStripTab {
  readonly id: string;
  /** The tab's name, as screen readers say it. */
  readonly label: string;
  /**
   * What the tab shows, when shorter than its name (which then is its tooltip): so a row of tabs fits Office's
   * 320 px pane. It should be part of the name ("What-if" of "Price what-if"), so speech input finds it.
   */
  readonly shortLabel?: string;
}

/**
 * Tabs that choose what a panel shows. `idOf` gives each tab's element id (the panel names itself by the chosen
 * tab's); `onSelect` is called when a tab other than the chosen one is clicked or pressed.
 */
export function TabStrip({
  label,
  tabs,
  selected,
  onSelect,
  idOf,
}: {
  readonly label: string;
  readonly tabs: readonly TabStripTab[];
  readonly selected: string;
  readonly onSelect: (id: string) => void;
  readonly idOf: (id: string) => string;
}) {
  const styles = useStyles();
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const index = tabs.findIndex((tab) => idOf(tab.id) === (event.target as HTMLElement).id);
    const next = index < 0 ? null : tabAfterKey(event.key, index, tabs.length);
    if (next === null) return;
    event.preventDefault();
    document.getElementById(idOf(tabs[next].id))?.focus();
  };
  return (
    <div role="tablist" aria-label={label} className={styles.list} onKeyDown={onKeyDown}>
      {tabs.map((tab) => {
        const chosen = tab.id === selected;
        const shown = tab.shortLabel ?? tab.label;
        const named = shown === tab.label ? {} : { "aria-label": tab.label, title: tab.label };
        return (
          <button
            key={tab.id}
            type="button"
            role="tab"
            id={idOf(tab.id)}
            aria-selected={chosen}
            {...named}
            tabIndex={chosen ? 0 : -1}
            className={mergeClasses(styles.tab, chosen && styles.chosen)}
            onClick={() => chosen || onSelect(tab.id)}
          >
            <span className={mergeClasses(styles.label, chosen && styles.bold)}>{shown}</span>
            {!chosen && (
              <span aria-hidden className={mergeClasses(styles.label, styles.bold, styles.reserve)}>
                {shown}
              </span>
            )}
          </button>
        );
      })}
    </div>
  );
}
