import { notFoundDigest } from "@/lib/next-errors";

/**
 * The data layer's one way to say "not found", for an object the caller may not see or that does
 * not exist: the two are deliberately indistinguishable. It carries Next's not-found digest, so a
 * page renders the 404 page without catching it; actions answer it with its message and write
 * nothing; route handlers answer 404 (see lib/next-errors.ts).
 */
export class NotFoundError extends Error {
  readonly digest = notFoundDigest;

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
