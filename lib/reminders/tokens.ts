import { createHash, randomBytes } from "node:crypto";

/** A secret for an address (256 random bits, URL-safe); only its hash is stored. */
export function newToken(): string {
  return randomBytes(32).toString("base64url");
}

export function tokenHash(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/** Tokens as newToken makes them: anything else is refused before the database is asked. */
export function isTokenShaped(token: string): boolean {
  return /^[A-Za-z0-9_-]{43}$/.test(token);
}
