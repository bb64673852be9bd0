// Each page's Content-Security-Policy, written once: the build puts it in the page as a <meta http-equiv> (so any
// static host enforces it) and the dev server also sends it as a header (webpack.config.js). `--env csp=off` leaves
// the pages' policies out, for a tenant where Office needs something they still block (README, Security).
// Microsoft has not published what Office.js needs (OfficeDev/office-js#1005, open), so the pane allows what is
// reported: a policy that blocks Office.js stops the pane and, in the shared runtime, the functions.
// - Scripts come only from the add-in's own origin; the pane also loads Office.js from Microsoft's CDN, as Office
//   requires (https://learn.microsoft.com/office/dev/add-ins/develop/referencing-the-javascript-api-for-office-library-from-its-cdn),
//   and Office.js loads MicrosoftAjax.js from ajax.aspnetcdn.com (office-js#1005, #686, #6430). No inline scripts and
//   no eval. #1005 also lists browser.pipe.aria.microsoft.com, Office's telemetry: refused, which Office tolerates.
// - connect-src 'self': the add-in makes no network calls; a request to another host is refused by the browser.
//   Office.js's own telemetry is refused too, which Office tolerates.
// - style-src allows inline styles: each page carries Fluent UI's theme variables in a <style> element (written
//   by the build, scripts/theme.js), Fluent's provider adds an empty one, and Office.js inserts its own
//   (https://github.com/OfficeDev/office-js/issues/1687); the components' styles come as griffel.css, from
//   'self'. Styles cannot run script.
// - No frame-ancestors: Excel on the web shows the pane in a frame from Microsoft's hosts, and a <meta> policy
//   cannot carry it anyway.
const OFFICE_JS = "https://appsforoffice.microsoft.com";
/** Where Office.js loads its MicrosoftAjax.js from (office-js#1005). */
const MICROSOFT_AJAX = "https://ajax.aspnetcdn.com";

function policy(scriptSources) {
  return [
    "default-src 'self'",
    `script-src ${scriptSources.join(" ")}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self'",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
  ].join("; ");
}

const CONTENT_SECURITY_POLICY = {
  /** taskpane.html: the pane and the custom functions (shared runtime), with Office.js. */
  pane: policy(["'self'", OFFICE_JS, MICROSOFT_AJAX]),
  /** preview.html: the pane beside an in-memory workbook; no Office.js, nothing remote. */
  preview: policy(["'self'"]),
  /** support.html: text only. */
  support: policy(["'none'"]),
};

/** Whether a build's `--env csp=…` keeps the pages' policies: "on" (the default) or "off"; anything else is refused. */
function policiesKept(env) {
  const setting = env.csp ?? "on";
  if (setting !== "on" && setting !== "off") throw new Error(`--env csp must be on or off; got ${String(setting)}`);
  return setting === "on";
}

/** The policy for a request path the dev server answers, or undefined for anything but a page. */
function policyForPath(pathname) {
  const page = /([^/]+)\.html$/.exec(pathname)?.[1];
  if (page === "taskpane") return CONTENT_SECURITY_POLICY.pane;
  if (page === "preview") return CONTENT_SECURITY_POLICY.preview;
  if (page === "support") return CONTENT_SECURITY_POLICY.support;
  return page === undefined ? undefined : CONTENT_SECURITY_POLICY.preview;
}

module.exports = { CONTENT_SECURITY_POLICY, policiesKept, policyForPath };
