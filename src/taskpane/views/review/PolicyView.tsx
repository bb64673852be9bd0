import { makeStyles, Spinner } from "@fluentui/react-components";
import { lazy, Suspense, useCallback, useEffect, useState } from "react";
import { TabStrip } from "../../TabStrip";
import { PaneViewProps } from "../registry";
import { WhatIfView } from "../whatIf/WhatIfView";

// The RAS review comes when first opened; the Price what-if, the part the tab opens on, comes with this view.
const ReviewView = lazy(() =>
  import(/* webpackChunkName: "review-view" */ "./ReviewView").then((module) => ({ default: module.ReviewView })),
);

const useStyles = makeStyles({
  view: { display: "flex", flexDirection: "column", gap: "8px", minWidth: 0 },
});

// "What-if" rather than the view's own tab label, "Price what-if": one name, one tab.
const PARTS = [
  { id: "whatif", label: "What-if" },
  { id: "review", label: "RAS review" },
] as const;
type Part = (typeof PARTS)[number]["id"];
const partTabId = (part: string) => `policy-tab-${part}`;

/**
 * The policy officers' place in the pane: the Price what-if and the RAS review, each a part with its own tab. A part
 * once opened stays mounted while the other is shown, so nothing typed in the what-if is lost by looking at the
 * review; what either would lose is reported to the shell together. A fitted table proposed in the review makes the
 * what-if read the workbook again, so it compares the new ProposedPricePoints.
 */
export function PolicyView({ workbook, onUnsavedChange }: PaneViewProps) {
  const styles = useStyles();
  const [part, setPart] = useState<Part>("whatif");
  const [opened, setOpened] = useState<ReadonlySet<Part>>(() => new Set<Part>(["whatif"]));
  const [whatIfRead, setWhatIfRead] = useState(0);
  const [whatIfWork, setWhatIfWork] = useState<readonly string[]>([]);
  useEffect(() => onUnsavedChange(whatIfWork), [whatIfWork, onUnsavedChange]);
  const choose = useCallback((next: string) => {
    setPart(next as Part);
    setOpened((before) => new Set([...before, next as Part]));
  }, []);
  const onProposed = useCallback(() => {
    setWhatIfRead((count) => count + 1);
    setWhatIfWork([]);
  }, []);
  return (
    <div className={styles.view}>
      <TabStrip label="Policy officers' work" tabs={PARTS} selected={part} idOf={partTabId} onSelect={choose} />
      {PARTS.filter(({ id }) => opened.has(id)).map(({ id }) => (
        <div key={id} role="tabpanel" aria-labelledby={partTabId(id)} hidden={id !== part}>
          {id === "whatif" ? (
            <WhatIfView key={whatIfRead} workbook={workbook} onUnsavedChange={setWhatIfWork} />
          ) : (
            <Suspense fallback={<Spinner size="small" label="Opening the RAS review" />}>
              <ReviewView workbook={workbook} onOpenWhatIf={() => choose("whatif")} onProposed={onProposed} />
            </Suspense>
          )}
        </div>
      ))}
    </div>
  );
}
