-- Rows as the app had written them right after this migration: tests/integration/upgrade.test.ts
-- inserts them, applies every later migration, and checks they are all still there and readable.
-- Fixed ids ('fx-...') and fixed UTC times (ISO text with +00:00, as Prisma writes it).
-- Nadia signed up after the change and followed her link (verified); she later reset her password
-- (a spent reset link) and asked to move to a new address (a link waiting at the new address).
-- Omar signed up and has not followed his link yet (a pending registration, no account).

INSERT INTO "User" ("id", "email", "name", "role", "timezone", "passwordHash", "sessionVersion", "demoAccount", "emailVerifiedAt", "createdAt", "updatedAt") VALUES
    ('fx-user-nadia', 'nadia.haddad@example.org', 'Nadia Haddad', 'PATIENT', 'Europe/Paris', '$argon2id$v=19$m=19456,t=2,p=1$mQwa5xIIrYsv3X8QQgBtyg$LIZqr7GwQUznV8Ll9sGQv7r4m+sBjhBGcV1SDOTexU0', 1, false, '2026-12-02T08:05:00.000+00:00', '2026-12-02T08:05:00.000+00:00', '2026-12-02T09:40:00.000+00:00');

INSERT INTO "AccountToken" ("id", "userId", "purpose", "tokenHash", "newEmail", "expiresAt", "usedAt", "createdAt") VALUES
    ('fx-token-nadia-reset', 'fx-user-nadia', 'RESET_PASSWORD', '5b1e0d7c9a3f2e4d6c8b0a1f3e5d7c9b2a4f6e8d0c1b3a5f7e9d2c4b6a8f0e1d', NULL, '2026-12-02T09:30:00.000+00:00', '2026-12-02T09:12:00.000+00:00', '2026-12-02T09:00:00.000+00:00'),
    ('fx-token-nadia-change', 'fx-user-nadia', 'CHANGE_EMAIL', 'c3d5e7f9a1b2c4d6e8f0a2b4c6d8e0f1a3b5c7d9e1f2a4b6c8d0e2f4a6b8c0d2', 'nadia.h@example.net', '2026-12-03T09:40:00.000+00:00', NULL, '2026-12-02T09:40:00.000+00:00');

INSERT INTO "PendingRegistration" ("id", "email", "name", "role", "timezone", "passwordHash", "tokenHash", "expiresAt", "createdAt") VALUES
    ('fx-pending-omar', 'omar.said@example.com', 'Omar Said', 'PATIENT', 'Africa/Cairo', '$argon2id$v=19$m=19456,t=2,p=1$zXHaIQFdzCC3CB1BxqndOA$vVkuVgRRtNJ598KPtWyr1rbsUxPAefW7GkrRs48xjRE', 'e9f1a3b5c7d9e2f4a6b8c0d1e3f5a7b9c2d4e6f8a0b1c3d5e7f9a2b4c6d8e0f1', '2026-12-03T10:15:00.000+00:00', '2026-12-02T10:15:00.000+00:00');
