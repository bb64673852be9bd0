import { PageScheduler, whenDrawnAndIdle } from "../../src/taskpane/whenDrawnAndIdle";

/** A page whose frame, idle and timer callbacks run only when the test says. */
function fakePage(withIdle: boolean) {
  const frames: (() => void)[] = [];
  const idle: { run: () => void; timeout?: number }[] = [];
  const timers: { run: () => void; delay?: number }[] = [];
  const page = {
    requestAnimationFrame: (run: () => void) => frames.push(run),
    setTimeout: (run: () => void, delay?: number) => timers.push({ run, delay }),
    ...(withIdle && {
      requestIdleCallback: (run: () => void, options?: { timeout?: number }) =>
        idle.push({ run, timeout: options?.timeout }),
    }),
  } as unknown as PageScheduler;
  return { page, frames, idle, timers };
}

describe("whenDrawnAndIdle", () => {
  it("waits for the next frame, then for an idle moment (at most a second), before the work runs", () => {
    const { page, frames, idle, timers } = fakePage(true);
    const work = jest.fn();
    whenDrawnAndIdle(work, page);
    expect(work).not.toHaveBeenCalled();
    expect(idle).toHaveLength(0);

    frames.shift()!();
    // Still before the frame's paint: asking for the idle moment is all the frame callback does.
    expect(work).not.toHaveBeenCalled();
    expect(idle).toEqual([expect.objectContaining({ timeout: 1000 })]);
    expect(timers).toHaveLength(0);

    idle.shift()!.run();
    expect(work).toHaveBeenCalledTimes(1);
  });

  it("stands in a short timeout after the frame where the page has no idle callback (Safari)", () => {
    const { page, frames, timers } = fakePage(false);
    const work = jest.fn();
    whenDrawnAndIdle(work, page);
    expect(timers).toHaveLength(0);

    frames.shift()!();
    expect(work).not.toHaveBeenCalled();
    expect(timers).toEqual([expect.objectContaining({ delay: 100 })]);

    timers.shift()!.run();
    expect(work).toHaveBeenCalledTimes(1);
  });
});
