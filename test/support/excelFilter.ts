// HyperFormula's FILTER takes only a single row or column; Excel's takes a table and keeps the rows whose
// `include` value is TRUE ("include: a Boolean array whose height or width is the same as the array",
// https://support.microsoft.com/en-us/office/filter-function-f4f7cb66-82eb-4767-8f7c-4877ad80c759).
// This replaces it with Excel's rows-of-a-table form, so formulas written for Excel run unchanged.
import type { ProcedureAst } from "hyperformula/typings/parser";
import type { InterpreterState } from "hyperformula/typings/interpreter/InterpreterState";
import {
  ArraySize,
  CellError,
  ErrorType,
  FunctionArgumentType,
  FunctionPlugin,
  HyperFormula,
  SimpleRangeValue,
} from "hyperformula";

class ExcelFilterPlugin extends FunctionPlugin {
  static override implementedFunctions = {
    FILTER: {
      method: "filter",
      sizeOfResultArrayMethod: "filterSize",
      enableArrayArithmeticForArguments: true,
      vectorizationForbidden: true,
      parameters: [{ argumentType: FunctionArgumentType.RANGE }, { argumentType: FunctionArgumentType.RANGE }],
    },
  };

  filter(ast: ProcedureAst, state: InterpreterState) {
    return this.runFunction(
      ast.args,
      state,
      this.metadata("FILTER"),
      (array: SimpleRangeValue, include: SimpleRangeValue) => {
        if (include.width() !== 1 || include.height() !== array.height()) {
          return new CellError(ErrorType.VALUE, "include must be one column as tall as the array");
        }
        const kept = array.data.filter((_, row) => include.data[row][0] === true);
        return kept.length > 0
          ? SimpleRangeValue.onlyValues(kept)
          : new CellError(ErrorType.NA, "FILTER kept no row (Excel: #CALC!)");
      },
    );
  }

  filterSize(ast: ProcedureAst, state: InterpreterState) {
    const array = this.arraySizeForAst(ast.args[0], state);
    return new ArraySize(array.width, array.height);
  }
}

/** Replaces HyperFormula's FILTER with Excel's, for the rest of this test file. */
export function useExcelFilter(): void {
  HyperFormula.unregisterFunction("FILTER");
  HyperFormula.registerFunctionPlugin(ExcelFilterPlugin, { enGB: { FILTER: "FILTER" } });
}
