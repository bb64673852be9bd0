import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { createRoot } from "react-dom/client";
import { OfficeWorkbook } from "../workbook/office/officeWorkbook";
import { App } from "./App";

// Shared runtime: this page also runs the PB functions. The pane talks to Excel only through OfficeWorkbook.
const root = createRoot(document.getElementById("root")!);

void Office.onReady((info) => {
  if (info.host === Office.HostType.Excel) {
    root.render(
      <FluentProvider theme={webLightTheme}>
        <App workbook={new OfficeWorkbook()} />
      </FluentProvider>,
    );
  } else {
    document.getElementById("outside-excel")!.hidden = false;
  }
});
