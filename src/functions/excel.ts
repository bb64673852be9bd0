import { EngineError } from "../engine";
import { Outcome, SheetError } from "./ranges";

/**
 * Errors a custom function can give back, and those that carry a message. #NAME? and #REF! arrive as
 * inputs but cannot be results (learn.microsoft.com/office/dev/add-ins/excel/custom-functions-errors).
 */
const RESULT_CODES: ReadonlySet<string> = new Set(["#VALUE!", "#N/A", "#DIV/0!", "#NUM!", "#NULL!"]);
const WITH_MESSAGE: ReadonlySet<string> = new Set(["#VALUE!", "#N/A"]);

/** An error value from the sheet, given back as itself where Excel allows, else as #VALUE! saying what it was. */
function passedOn({ code, where, detail }: SheetError): CustomFunctions.Error {
  if (RESULT_CODES.has(code)) {
    const errorCode = code as CustomFunctions.ErrorCode;
    return new CustomFunctions.Error(errorCode, WITH_MESSAGE.has(code) ? detail : undefined);
  }
  return new CustomFunctions.Error(
    CustomFunctions.ErrorCode.invalidValue,
    `${where} holds the error ${code}, which a custom function cannot give back: correct that cell`,
  );
}

function excelError(error: unknown): CustomFunctions.Error {
  if (error instanceof SheetError) return passedOn(error);
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
 * message, or the error it was given; a failure of the whole call (a malformed table, an unknown
 * option) is one error.
 */
export function excelResults<T>(handler: () => Outcome<T>[][]): unknown[][] {
  try {
    // In place: the handler's arrays are its own, and a cohort can be 100,000 rows.
    const results: unknown[][] = handler();
    for (const row of results) {
      for (let column = 0; column < row.length; column++) {
        const cell = row[column];
        if (cell instanceof EngineError || cell instanceof SheetError) row[column] = excelError(cell);
      }
    }
    return results;
  } catch (error) {
    // eslint-disable-next-line @typescript-eslint/only-throw-error -- Excel shows a thrown CustomFunctions.Error
    throw excelError(error);
  }
}

/** Runs a handler that gives a single value. */
export function excelResult<T>(handler: () => T): T {
  try {
    return handler();
  } catch (error) {
    // eslint-disable-next-line @typescript-eslint/only-throw-error -- Excel shows a thrown CustomFunctions.Error
    throw excelError(error);
  }
}
