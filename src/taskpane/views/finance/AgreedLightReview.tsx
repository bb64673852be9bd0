import { useEffect, useState } from "react";
import { EngineError, serialFromIso } from "../../../engine";
import { LightReview, readLightReview, timestamp } from "../../../workbook/planBook";
import { Workbook } from "../../../workbook/port";
import { NoticeBar } from "../../NoticeBar";

/** Plans listed at most; the Support plan view lists them too. */
const SHOWN = 5;

/** A day the review can be made at: the as-at date typed, or today while the box holds no date. */
function reviewDay(asAt: string): string {
  try {
    serialFromIso(asAt);
    return asAt;
  } catch (error) {
    if (!(error instanceof EngineError)) throw error;
    return timestamp(new Date()).slice(0, 10);
  }
}

/**
 * The Agreed plans in force whose traffic light would differ if they were agreed today (the tolerance or the price
 * points have changed since), for finance to see which agreed figures rest on old rules. Reads the workbook itself
 * (readLightReview) each time the Finance view reads it (`readAt` changes) or the as-at date changes; shows nothing
 * while there is nothing to review or the workbook cannot be read (the view says why).
 */
export function AgreedLightReview({
  workbook,
  asAt,
  readAt,
}: {
  workbook: Workbook;
  asAt: string;
  /** Changes each time the Finance view has read the workbook. */
  readAt: unknown;
}) {
  const [review, setReview] = useState<LightReview | null>(null);
  const day = reviewDay(asAt);
  useEffect(() => {
    let current = true;
    readLightReview(workbook, day).then(
      (found) => current && setReview(found),
      () => current && setReview(null),
    );
    return () => {
      current = false;
    };
  }, [workbook, day, readAt]);
  if (!review || review.changed.length === 0) return null;
  const items = review.changed.map(
    (change) =>
      `${change.planId}${change.name ? ` (${change.name})` : ""}: agreed ${change.savedLight}, ` +
      `${change.lightNow} now: ${change.why}.`,
  );
  return (
    <NoticeBar
      notice={{
        intent: "info",
        title: "Agreed plans whose light would now differ",
        text:
          "The tolerance or the price points have changed since these were agreed; their figures stand as " +
          "agreed, for a manager to review.",
        items: [...items.slice(0, SHOWN), ...(items.length > SHOWN ? [`…and ${items.length - SHOWN} more.`] : [])],
      }}
    />
  );
}
