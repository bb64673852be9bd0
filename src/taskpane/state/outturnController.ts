// The outturn section's work with the workbook: each operation reads or writes through the Workbook port and ends
// in an action.
import { Workbook } from "../../workbook/port";
import { addBalancesTable, readOutturnBook } from "../../workbook/reports/outturnBook";
import { OutturnAction } from "./outturn";
import { noticeOf } from "./planController";

export interface OutturnController {
  /** Reads plans, payments, budgets, balances and the budget profile. */
  read(): Promise<void>;
  /** Adds an empty DPBalances table for the balances people report, then reads again. */
  addBalances(): Promise<void>;
}

export function outturnController(workbook: Workbook, dispatch: (action: OutturnAction) => void): OutturnController {
  const read = async () => {
    dispatch({ type: "readStarted" });
    try {
      dispatch({ type: "read", book: await readOutturnBook(workbook) });
    } catch (error) {
      dispatch({ type: "readFailed", message: noticeOf(error, "The outturn cannot be worked out") });
    }
  };
  return {
    read,
    async addBalances() {
      try {
        const sheet = await addBalancesTable(workbook);
        dispatch({
          type: "balancesAdded",
          message: {
            intent: "success",
            title: "Added the DPBalances table",
            text:
              `On the sheet ${sheet}: a row for each balance a person reports (Person ID, Date, Balance). ` +
              "Refresh once you have typed them, and the surpluses follow.",
          },
        });
      } catch (error) {
        dispatch({ type: "balancesAdded", message: noticeOf(error, "The DPBalances table was not added") });
      }
      await read();
    },
  };
}
