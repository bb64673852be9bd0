import { EngineError } from "../engine";
import { Outcome, SheetError } from "./ranges";

function excelError(error: unknown): CustomFunctions.Error {
  if (error instanceof EngineError) {
    const code =
      error.kind === "notFound" ? CustomFunctions.ErrorCode.notAvailable : CustomFunctions.ErrorCode.invalidValue;
    return new CustomFunctions.Error(code, error.message);
  }
  const detail = error instanceof Error ? error.message : String(error);
  return new CustomFunctions.Error(CustomFunctions.ErrorCode.invalidValue, `Unexpected problem: ${detail}`);
}

/**
 * Runs a handler for Excel: a row that failed shows its own #VALUE! or #N/A with the engine's
 * message; a failure of the whole call (a malformed table, an unknown option) is one error.
 */
export function excelResults<T>(handler: () => Outcome<T>[][]): unknown[][] {
  try {
    // In place: the handler's arrays are its own, and a cohort can be 100,000 rows.
    const results: unknown[][] = handler();
    for (const row of results) {
      for (let column = 0; column < row.length; column++) {
        const cell = row[column];
        if (cell instanceof EngineError) row[column] = excelError(cell);
        else if (cell instanceof SheetError) row[column] = cell.value;
      }
    }
    return results;
  } catch (error) {
    throw excelError(error);
  }
}

/** Runs a handler that gives a single value. */
export function excelResult<T>(handler: () => T): T {
  try {
    return handler();
  } catch (error) {
    throw excelError(error);
  }
}
