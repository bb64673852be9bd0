// Reading the PB functions' failures as Excel shows them: CustomFunctions.Error with a code and a message.
export type ExcelError = { code: string; message: string };
const isExcelError = (value: unknown): value is ExcelError => value instanceof CustomFunctions.Error;

/** Runs a call and gives the error it threw for the whole call. */
export function thrown(call: () => unknown): ExcelError {
  try {
    call();
  } catch (error) {
    if (isExcelError(error)) return error;
    throw error;
  }
  throw new Error("expected the call to throw a CustomFunctions.Error");
}

/** A result cell with an error shown as "#CODE message". */
export const errorOf = (value: unknown) => (isExcelError(value) ? `${value.code} ${value.message}` : value);
/** Every cell of a spilled result, errors shown as "#CODE message". */
export const cells = (result: unknown[][]) => result.map((row) => row.map(errorOf));
