import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { createRoot } from "react-dom/client";
import { App } from "../taskpane/App";
import { MemoryWorkbook } from "../workbook/memory/memoryWorkbook";
import { WorkbookView } from "./WorkbookView";

// The real pane beside an in-memory workbook, for trying the add-in without Excel. Nothing leaves the page.
const workbook = new MemoryWorkbook();

createRoot(document.getElementById("root")!).render(
  <FluentProvider theme={webLightTheme}>
    <div style={{ display: "flex", alignItems: "flex-start", minHeight: "100vh" }}>
      <aside
        aria-label="Task pane"
        style={{ width: 400, flexShrink: 0, borderRight: "1px solid #d1d1d1", minHeight: "100vh" }}
      >
        <App workbook={workbook} />
      </aside>
      <WorkbookView workbook={workbook} />
    </div>
  </FluentProvider>,
);
