// Runs before every integration test file: a fresh migrated database of the project's provider,
// and stand-ins for the two things only a running Next.js server provides (the Auth.js session
// cookie and request headers). Everything below them — lib/data, lib/actions, the database — is real.

import { randomUUID } from "node:crypto";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, vi } from "vitest";
import { createTestDatabase } from "./test-database";
import { testSession } from "./test-session";

const database = await createTestDatabase();
process.env.DATABASE_URL = database.url;
// Each file's erasures go to a ledger of its own, never to the checkout's ./data.
process.env.ERASURE_LEDGER_PATH = path.join(tmpdir(), `hbc-erasure-ledger-${randomUUID()}.jsonl`);
// The key the TOTP secrets are sealed with (npm start creates one in ./data).
process.env.TOTP_ENCRYPTION_KEY ??= Buffer.alloc(32, 41).toString("base64");
// E-mail with no SMTP server goes to <DATA_DIR>/outbox: a folder of the file's own, never ./data.
// Files that check e-mail start a real SMTP server (tests/support/smtp.ts).
process.env.DATA_DIR = mkdtempSync(path.join(tmpdir(), "integration-data-"));

vi.mock("@/lib/auth", () => ({
  auth: async () => testSession.current,
  signIn: vi.fn(async () => undefined),
  signOut: vi.fn(async () => undefined),
  updateSession: vi.fn(async () => null),
}));

// revalidatePath needs the server's incremental cache; what it refreshes is checked end to end.
vi.mock("next/cache", () => ({ revalidatePath: vi.fn(), revalidateTag: vi.fn() }));

vi.mock("next/headers", () => ({
  headers: async () =>
    new Headers({
      "x-client-address": testSession.clientAddress,
      ...(testSession.returnTo ? { "x-return-to": testSession.returnTo } : {}),
    }),
  cookies: async () => ({ get: () => undefined, set: () => undefined, delete: () => undefined }),
}));

afterAll(async () => {
  const { db } = await import("@/lib/db");
  await db.$disconnect();
  await database.drop();
});
