import { useLayoutEffect } from "react";

/**
 * Starts a view's first read of the workbook as the view mounts. A layout effect, not an ordinary one: Preact
 * runs ordinary effects only after the next frame is painted, so the read would wait a frame and the pane
 * would lay out and paint its "Reading the workbook" state for nothing. Started here, a quick read (the
 * in-memory workbook's) settles before the first paint; a slow one (Excel's) starts a frame sooner.
 */
export function useFirstRead<Controller>(
  controller: Controller,
  read: (controller: Controller) => Promise<void>,
): void {
  useLayoutEffect(() => {
    void read(controller);
  }, [controller]); // once for each controller (each workbook), whatever the read function's identity
}
