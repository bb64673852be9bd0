// The pane's views, one entry each: adding a view is adding it here. The shell shows a tab per view and
// asks before leaving a view with unsaved work.
import { ComponentType, lazy } from "react";
import { Workbook } from "../../workbook/port";
import { PlanView } from "./plan/PlanView";

// The support-plan view is the one the pane opens on, so it comes with the pane; every other view is
// downloaded when it is first opened, so the pane's start-up carries only what its first view needs.
// The policy officers' tab holds the Price what-if and the RAS review (review/PolicyView.tsx).
const WhatIfView = lazy(() =>
  import(/* webpackChunkName: "whatif-view" */ "./review/PolicyView").then((module) => ({
    default: module.PolicyView,
  })),
);
const FinanceView = lazy(() =>
  import(/* webpackChunkName: "finance-view" */ "./finance/FinanceView").then((module) => ({
    default: module.FinanceView,
  })),
);

const SettingsView = lazy(() =>
  import(/* webpackChunkName: "settings-view" */ "./settings/SettingsView").then((module) => ({
    default: module.SettingsView,
  })),
);

export interface PaneViewProps {
  readonly workbook: Workbook;
  /** The view says what leaving it now would lose (empty when nothing), so the shell can ask first. */
  readonly onUnsavedChange: (work: readonly string[]) => void;
}

export interface PaneView {
  readonly id: string;
  /** The tab's name. */
  readonly label: string;
  /** What the tab shows, when shorter: four tabs fit on one row of Office's 320 px pane. */
  readonly shortLabel?: string;
  readonly View: ComponentType<PaneViewProps>;
}

export const VIEWS: readonly PaneView[] = [
  { id: "plan", label: "Support plan", shortLabel: "Plan", View: PlanView },
  { id: "whatif", label: "Price what-if", shortLabel: "What-if", View: WhatIfView },
  { id: "finance", label: "Finance", View: FinanceView },
  { id: "settings", label: "Settings", View: SettingsView },
];
