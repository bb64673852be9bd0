// The name of whoever is using the pane, typed once a session: the support-plan view records it as who saved a plan,
// the settings view as who changed a setting. Kept in session storage: remembered while the pane is open, never
// from one day's session to the next, so a colleague on the same computer is never taken for the last one.
const NAME_KEY = "personal-budgets.updated-by";

export function sessionName(): string {
  try {
    return window.sessionStorage.getItem(NAME_KEY) ?? "";
  } catch {
    return "";
  }
}

export function rememberSessionName(name: string): void {
  try {
    window.sessionStorage.setItem(NAME_KEY, name);
  } catch {
    // Storage can be off in some browsers; the name then lasts as long as the view.
  }
}
