-- Rows as the app had written them right after this migration: tests/integration/upgrade.test.ts
-- inserts them, applies every later migration, and checks they are all still there and readable.
-- Fixed ids ('fx-...') and fixed UTC times (timestamp(3) without time zone, in UTC).
-- A subject for a user created after the migration (Lena's key was made by the migration itself),
-- a read by Daniel recorded by subject key, and an anonymous refusal recorded once for its hour.

INSERT INTO "User" ("id", "email", "name", "role", "timezone", "passwordHash", "sessionVersion", "createdAt", "updatedAt") VALUES
    ('fx-user-ines', 'ines.moreau@example.com', 'Ines Moreau', 'PATIENT', 'Europe/Paris', '$argon2id$v=19$m=19456,t=2,p=1$mQwa5xIIrYsv3X8QQgBtyg$LIZqr7GwQUznV8Ll9sGQv7r4m+sBjhBGcV1SDOTexU0', 0, '2026-11-20 11:00:00.000', '2026-11-20 11:00:00.000');

INSERT INTO "AuditSubject" ("key", "userId", "createdAt") VALUES
    ('fx-subject-ines', 'fx-user-ines', '2026-11-20 11:00:00.000');

INSERT INTO "AuditEvent" ("id", "actorKey", "actorRole", "action", "patientKey", "outcome", "clientAddress", "detail", "onceKey", "at") VALUES
    ('fx-audit-ines-sign-up', 'fx-subject-ines', 'PATIENT', 'SIGN_UP', 'fx-subject-ines', 'SUCCESS', '203.0.113.12', NULL, NULL, '2026-11-20 11:00:00.000'),
    ('fx-audit-anonymous', NULL, NULL, 'ANONYMOUS_REFUSED', NULL, 'DENIED', '192.0.2.99', 'logSession', 'anonymous-refusal:192.0.2.99:2026-11-20T11', '2026-11-20 11:20:00.000');

INSERT INTO "SignInThrottle" ("key", "failures", "windowStart", "lastFailure") VALUES
    ('anonymous-refusal:192.0.2.99:2026-11-20T11', 3, '2026-11-20 11:20:00.000', '2026-11-20 11:41:00.000');
