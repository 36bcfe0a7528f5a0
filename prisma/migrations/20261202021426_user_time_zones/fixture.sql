-- Rows as the app writes them right after this migration: tests/integration/upgrade.test.ts
-- inserts them, applies every later migration, and checks they are all still there.
-- Lena (backfilled in Pacific/Auckland) moved to Sydney on 25 Nov and changed her zone in settings.
-- Fixed ids ('fx-...') and fixed UTC times (ISO text with +00:00, as Prisma writes it).

INSERT INTO "UserTimeZone" ("id", "userId", "timeZone", "validFrom", "createdAt") VALUES
    ('fx-tz-lena-2', 'fx-user-lena', 'Australia/Sydney', '2026-11-25T02:00:00.000+00:00', '2026-11-25T02:00:00.000+00:00');
