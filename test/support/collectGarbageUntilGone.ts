const gc = (globalThis as { gc?: () => void }).gc;

/** Whether the tests run with the garbage collector exposed (vitest's execArgv `--expose-gc`). */
export const gcExposed = typeof gc === "function";

/**
 * Collects garbage until `ref`'s target is gone, or gives up after ten rounds. A WeakRef's
 * target lives until the current job ends (a `deref()` keeps it for the job), so each round waits
 * for a timer first. A stream's teardown (its close and destroy callbacks, which can hold a
 * reader) runs on later turns of the event loop: under load, two rounds were once not enough (CI
 * at 74bb1d4). Something that really keeps the target keeps it through every round, so a test
 * that expects `ref.deref()` to be undefined afterwards still fails on a leak.
 */
export async function collectGarbageUntilGone(ref: WeakRef<object> | null): Promise<void> {
  for (let round = 0; round < 10 && ref?.deref() !== undefined; round++) {
    await new Promise((resolve) => setTimeout(resolve, round));
    gc?.();
  }
}
