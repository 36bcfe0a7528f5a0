import { readFileSync } from "node:fs";
import path from "node:path";
import { hash, verify } from "@node-rs/argon2";

// argon2id at ASVS 5.0 appendix C's first recommended setting (m=19 MiB, t=2, p=1); about 80 ms here.
const argon2Options = { algorithm: 2, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password, argon2Options);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

let dummyHash: Promise<string> | undefined;

/** Spends the same work as a real check, so an unknown e-mail answers in about the same time. */
export async function verifyAgainstDummy(password: string): Promise<false> {
  dummyHash ??= hashPassword("not-a-real-password-but-a-timing-equaliser");
  await verifyPassword(await dummyHash, password);
  return false;
}

let commonPasswords: Set<string> | undefined;

/** 10,000 of the most common passwords of 8+ characters (from the zxcvbn-ts frequency list). */
export function isCommonPassword(password: string): boolean {
  commonPasswords ??= new Set(
    readFileSync(
      path.join(/* turbopackIgnore: true */ process.cwd(), "lib/auth/common-passwords.txt"),
      "utf8",
    )
      .split("\n")
      .filter(Boolean),
  );
  return commonPasswords.has(password.toLowerCase());
}
