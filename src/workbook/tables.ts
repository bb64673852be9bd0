// The named tables the add-in reads and writes, and their columns. Columns are found by header text
// (ignoring case), so a user may reorder them or add their own.

export const TABLE = {
  scoring: "Scoring",
  pricePoints: "PricePoints",
  people: "People",
  services: "Services",
  plans: "Plans",
  planLines: "PlanLines",
  settings: "PlanSettings",
} as const;

export const PEOPLE = {
  id: "Person ID",
  name: "Name",
  careGroup: "Care group",
  points: "Points",
  indicativeBudget: "Indicative budget",
} as const;

export const SERVICES = {
  service: "Service",
  unit: "Unit",
  unitCost: "Unit cost",
  frequency: "Frequency",
  managedAs: "Managed as",
} as const;

export const PLANS = {
  planId: "Plan ID",
  personId: "Person ID",
  name: "Name",
  careGroup: "Care group",
  indicativeAnnual: "Indicative budget (annual)",
  annual: "Plan cost (annual)",
  weekly: "Plan cost (weekly)",
  oneOff: "One-off items",
  directPayment: "Direct payment (annual)",
  councilManaged: "Council-managed (annual)",
  individualServiceFund: "Individual Service Fund (annual)",
  light: "Traffic light",
  status: "Status",
  reason: "Reason",
  updatedBy: "Updated by",
  updatedAt: "Updated at",
} as const;

export const PLAN_LINES = {
  planId: "Plan ID",
  line: "Line",
  service: "Service",
  quantity: "Quantity",
  unit: "Unit",
  unitCost: "Unit cost",
  frequency: "Frequency",
  managedAs: "Managed as",
  annualCost: "Annual cost",
} as const;

export const SETTINGS = {
  setting: "Setting",
  value: "Value",
  green: "Green tolerance",
  amber: "Amber tolerance",
} as const;
