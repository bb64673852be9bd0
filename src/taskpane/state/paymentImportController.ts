// The payments import's work with the workbook: each operation reads or writes through the Workbook port and ends in
// actions. The file's bytes are decoded here (UTF-8, or Windows-1252 as older ledgers export), never sent anywhere.
import { checkImport, headersOf } from "../../engine";
import { readImportBook, writeImport } from "../../workbook/payments/importBook";
import { Workbook } from "../../workbook/port";
import { importedNotice, importSummary, PaymentImportAction, PaymentImportState } from "./paymentImport";
import { noticeOf } from "./planController";

/**
 * A file's text: UTF-8 when it is that (a byte-order mark is kept for the parser to drop), else Windows-1252, which
 * Excel for Windows writes a "CSV (Comma delimited)" file in, so "£" reads as "£" either way.
 */
export function decodeCsv(bytes: ArrayBuffer): string {
  try {
    return new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return new TextDecoder("windows-1252").decode(bytes);
  }
}

export interface PaymentImportController {
  /** A file the user chose, read in the browser: parses it and reads what its rows are checked against. */
  chosen(name: string, bytes: ArrayBuffer): Promise<void>;
  /** Adds the payments checked, after reading the workbook again and checking them once more. */
  confirm(state: PaymentImportState): Promise<void>;
}

export function paymentImportController(
  workbook: Workbook,
  dispatch: (action: PaymentImportAction) => void,
  onImported: () => void = () => undefined,
): PaymentImportController {
  return {
    async chosen(name, bytes) {
      dispatch({ type: "fileChosen", name });
      dispatch({ type: "fileRead", name, text: decodeCsv(bytes) });
      try {
        dispatch({ type: "bookRead", book: await readImportBook(workbook) });
      } catch (error) {
        dispatch({ type: "failed", notice: noticeOf(error, "The payments cannot be checked") });
      }
    },
    async confirm(state) {
      const { file, mapping } = state;
      if (!file || !mapping || importSummary(state).check === null) return;
      dispatch({ type: "writeStarted", total: 0 });
      try {
        // Read again: a colleague, or an earlier import, may have added payments since the file was checked.
        const book = await readImportBook(workbook);
        dispatch({ type: "bookRead", book });
        const check = checkImport(file.rows, mapping, file.headers, book.context);
        dispatch({ type: "progressed", progress: { done: 0, total: check.toAdd.length } });
        const { added, tableAdded } = await writeImport(
          workbook,
          check.toAdd,
          headersOf(mapping, file.headers),
          async (progress) => {
            dispatch({ type: "progressed", progress });
            // Let the page draw the progress between chunks (Excel's round trips do; the in-memory workbook's don't).
            await new Promise((resolve) => setTimeout(resolve, 0));
          },
        );
        dispatch({ type: "written", notice: importedNotice(file.name, check, added, tableAdded) });
        onImported();
      } catch (error) {
        dispatch({ type: "failed", notice: noticeOf(error, "The payments were not all added") });
        onImported();
      }
    },
  };
}
