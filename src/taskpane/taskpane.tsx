import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { createRoot } from "react-dom/client";
import { OfficeWorkbook } from "../workbook/office/officeWorkbook";
import { App } from "./App";

// Shared runtime: this page also runs the PB functions. The pane talks to Excel only through OfficeWorkbook.
// The pane is the page's main content (in the browser preview it sits inside the preview's own landmark).
const root = createRoot(document.getElementById("root")!);

void Office.onReady((info) => {
  if (info.host === Office.HostType.Excel) {
    root.render(
      <FluentProvider theme={webLightTheme}>
        <main>
          <App workbook={new OfficeWorkbook()} />
        </main>
      </FluentProvider>,
    );
  } else {
    document.getElementById("outside-excel")!.hidden = false;
  }
});
