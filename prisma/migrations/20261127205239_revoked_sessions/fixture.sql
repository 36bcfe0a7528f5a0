-- Rows as the app had written them right after this migration: tests/integration/upgrade.test.ts
-- inserts them, applies every later migration, and checks they are all still there and readable.
-- Fixed ids ('fx-...') and fixed UTC times (ISO text with +00:00, as Prisma writes it).
-- A session Maya signed out of last night; it would expire on its own at expiresAt.

INSERT INTO "RevokedSession" ("sessionId", "userId", "revokedAt", "expiresAt") VALUES
    ('8c1d6f2e-3b4a-4e5f-9a0b-7c6d5e4f3a21', 'fx-user-maya', '2026-11-19T21:40:00.000+00:00', '2026-11-20T09:40:00.000+00:00');
