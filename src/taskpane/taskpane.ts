// Placeholder pane: the shared runtime needs a page; the support-plan builder replaces this.
function showStatus(text: string): void {
  const status = document.getElementById("status");
  if (status) status.textContent = text;
}

if (typeof Office === "undefined") {
  showStatus("Office.js is not loaded: open this page from Excel.");
} else {
  Office.onReady((info) => showStatus(info.host ? "Ready: the PB functions are loaded." : "Outside Excel: the PB functions need Excel."));
}
