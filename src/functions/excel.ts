import { EngineError } from "../engine";
import { Outcome, SheetError } from "./ranges";

function excelError(error: unknown): CustomFunctions.Error {
  if (error instanceof EngineError) {
    const code = error.kind === "notFound" ? CustomFunctions.ErrorCode.notAvailable : CustomFunctions.ErrorCode.invalidValue;
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
    return handler().map((row) =>
      row.map((cell) => (cell instanceof EngineError ? excelError(cell) : cell instanceof SheetError ? cell.value : cell)),
    );
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
