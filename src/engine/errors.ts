/**
 * Why an input was refused. `invalid` is a value of the wrong kind or out of range (Excel's #VALUE!);
 * `notFound` is a lookup that failed or something not yet given, such as an unanswered question
 * (Excel's #N/A).
 */
export type FailureKind = "invalid" | "notFound";

/** A rule of the domain that the input broke, with a message that says what was expected. */
export class EngineError extends Error {
  constructor(
    readonly kind: FailureKind,
    message: string,
  ) {
    super(message);
    this.name = "EngineError";
  }
}

export function invalid(message: string): EngineError {
  return new EngineError("invalid", message);
}

export function notFound(message: string): EngineError {
  return new EngineError("notFound", message);
}

/** Lists names for a message, keeping it short enough for Excel's error tooltip. */
export function listForMessage(names: readonly string[], limit = 8): string {
  const shown = names.slice(0, limit).join(", ");
  return names.length > limit ? `${shown} and ${names.length - limit} more` : shown;
}
