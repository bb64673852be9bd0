// The in-memory workbook's formula engine: fast-formula-parser (MIT) with the functions it lacks and Excel's
// operators (excelFunctions.ts). Calculation (calculation.ts) decides what to evaluate and when; this module is
// the only one that loads the parser, so the browser preview downloads it beside the pane, not before it.
import FormulaParser from "fast-formula-parser";
import FormulaError from "fast-formula-parser/formulas/error";
import type { FormulaEngine } from "./calculation";
import { excelFunctions, useExcelOperators } from "./excelFunctions";

class Parser extends FormulaParser {
  /** The library reads a reference result itself but turns an error or a blank there into #VALUE!; Excel does not. */
  override checkFormulaResult(result: unknown, allowReturnArray?: boolean): unknown {
    const isReference = typeof result === "object" && result !== null && "ref" in result;
    const value = isReference ? this.retrieveRef(result) : result;
    if (value === null || value === undefined || value instanceof FormulaError) return value ?? null;
    return super.checkFormulaResult(value, allowReturnArray);
  }
}

export const formulaEngine: FormulaEngine = ({ functions, onCell, onRange }) => {
  const parser = new Parser({ functions: { ...excelFunctions(), ...functions }, onCell, onRange });
  useExcelOperators(parser);
  return parser;
};
