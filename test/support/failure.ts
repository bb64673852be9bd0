import { EngineError } from "../../src/engine";

/** Runs something that must fail with an EngineError and returns the failure, so tests can check kind and message. */
export function failure(run: () => unknown): EngineError {
  try {
    run();
  } catch (error) {
    if (error instanceof EngineError) return error;
    throw error;
  }
  throw new Error("expected an EngineError, but nothing failed");
}
