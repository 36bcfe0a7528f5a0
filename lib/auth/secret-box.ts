import { createCipheriv, createDecipheriv, createHash, randomBytes } from "node:crypto";

// AES-256-GCM for secrets kept in the database (TOTP secrets). A stored value is
// "v1.<iv>.<ciphertext>.<tag>" in base64url, so the format can change later without guessing.
// The key's fingerprint is stored beside each value: a value sealed with another key is refused by
// name instead of failing as a damaged ciphertext.

const version = "v1";

export class WrongKeyError extends Error {
  override name = "WrongKeyError";
}

export function keyFromBase64(raw: string): Buffer {
  const key = Buffer.from(raw.trim(), "base64");
  if (key.length !== 32) throw new Error("The two-factor encryption key must be 32 bytes, base64-encoded.");
  return key;
}

/** A short, non-secret name for a key: the first 16 hex digits of SHA-256 over a label and the key. */
export function keyFingerprint(key: Buffer): string {
  return createHash("sha256").update("hip-back-coach totp key\0").update(key).digest("hex").slice(0, 16);
}

export function seal(key: Buffer, plaintext: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key, iv);
  const ciphertext = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
  const tag = cipher.getAuthTag();
  return [version, iv, ciphertext, tag]
    .map((part) => (typeof part === "string" ? part : part.toString("base64url")))
    .join(".");
}

/** Opens a sealed value; throws when it was changed, or sealed with another key. */
export function open(key: Buffer, sealed: string): string {
  const [tagVersion, iv, ciphertext, tag] = sealed.split(".");
  if (tagVersion !== version || !iv || !ciphertext || !tag) throw new Error("Not a sealed value.");
  const decipher = createDecipheriv("aes-256-gcm", key, Buffer.from(iv, "base64url"));
  decipher.setAuthTag(Buffer.from(tag, "base64url"));
  return Buffer.concat([decipher.update(Buffer.from(ciphertext, "base64url")), decipher.final()]).toString(
    "utf8",
  );
}
