/** What the helper needs of the page: its frame and idle callbacks (Safari has no requestIdleCallback). */
export type PageScheduler = Pick<Window, "requestAnimationFrame" | "setTimeout"> &
  Partial<Pick<Window, "requestIdleCallback">>;

/** Longest wait for an idle moment once the frame is drawn: a busy page still gets the work done. */
const IDLE_TIMEOUT_MS = 1_000;
/** Where there is no idle callback, how long after the frame to wait instead. */
const NO_IDLE_DELAY_MS = 100;

/**
 * Runs work once the page has drawn its next frame and is idle: for fetching code a later screen needs without
 * taking the main thread from the frame a user is waiting for. An animation frame callback runs before that
 * frame's paint, and the idle callback after it; a Preact effect is no substitute, as Preact runs pending
 * effects early when the component renders again before the paint (a quick first read does).
 */
export function whenDrawnAndIdle(work: () => void, page: PageScheduler = window): void {
  page.requestAnimationFrame(() => {
    if (page.requestIdleCallback) page.requestIdleCallback(() => work(), { timeout: IDLE_TIMEOUT_MS });
    else page.setTimeout(work, NO_IDLE_DELAY_MS);
  });
}
