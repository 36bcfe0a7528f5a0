/**
 * Thrown by data functions for an object the caller may not see or that does not exist: the two
 * are deliberately indistinguishable. Actions answer it with "not found" and write nothing.
 */
export class NotFoundError extends Error {
  constructor(what = "That item") {
    super(`${what} was not found.`);
  }
}

/** A rule of the domain refused the change (for example, editing a prescribed routine item). */
export class RuleError extends Error {
  constructor(
    message: string,
    readonly field?: string,
  ) {
    super(message);
  }
}

export function isUniqueViolation(error: unknown): boolean {
  return typeof error === "object" && error !== null && "code" in error && error.code === "P2002";
}
