// The allocation engine: pure TypeScript, no Office.js. Everything else calls it; it calls nothing else.
export * from "./cells";
export * from "./decimal";
export * from "./errors";
export * from "./periods";
export * from "./scoring";
export * from "./priceTable";
export type { BandIntegers, CategoryIntegers, IntegerScale, LinearIntegers } from "./pricePlan";
export * from "./budget";
export * from "./explain";
export * from "./tolerance";
export * from "./outcomeCategory";
export * from "./plan";
export * from "./supportPlan";
export * from "./fastBudget";
export * from "./scenario";
export * from "./dates";
export * from "./inYearCost";
export * from "./proposal";
