-- Rows as the app had written them right after this migration: tests/integration/upgrade.test.ts
-- inserts them, applies every later migration, and checks they are all still there and readable.
-- Fixed ids ('fx-...') and fixed UTC times (timestamp(3) without time zone, in UTC).
-- Omar needs longer to get down to the floor, so he set his guided lead-in to 12 seconds; earlier
-- users (Lena) keep the default of 5 the migration gives them.

INSERT INTO "User" ("id", "email", "name", "role", "timezone", "passwordHash", "sessionVersion", "mainPainArea", "weeklyTargetPercent", "createdAt", "updatedAt", "guidedLeadInSeconds") VALUES
    ('fx-user-omar', 'omar.haddad@example.com', 'Omar Haddad', 'PATIENT', 'Europe/London', '$argon2id$v=19$m=19456,t=2,p=1$mQwa5xIIrYsv3X8QQgBtyg$LIZqr7GwQUznV8Ll9sGQv7r4m+sBjhBGcV1SDOTexU0', 0, 'LOWER_BACK', 80, '2026-12-01 18:00:00.000', '2026-12-01 18:20:00.000', 12);
