-- Rows as the app had written them right after this migration: tests/integration/upgrade.test.ts
-- inserts them, applies every later migration, and checks they are all still there and readable.
-- Fixed ids ('fx-...') and fixed UTC times (timestamp(3) without time zone, in UTC).
-- A demo account (demoAccount set by the demo seed); Daniel enrolled in two-factor sign-in (his
-- secret sealed with AES-256-GCM under some key; only its fingerprint is stored beside it) and
-- holds recovery codes, one of them used, and one session that passed the second factor; Priya started enrolling and has not confirmed yet.

INSERT INTO "User" ("id", "email", "name", "role", "timezone", "passwordHash", "sessionVersion", "demoAccount", "createdAt", "updatedAt") VALUES
    ('fx-user-demo-physio', 'physio@demo.test', 'Sam Okafor', 'PHYSIO', 'Europe/London', '$argon2id$v=19$m=19456,t=2,p=1$zXHaIQFdzCC3CB1BxqndOA$vVkuVgRRtNJ598KPtWyr1rbsUxPAefW7GkrRs48xjRE', 0, true, '2026-12-01 09:00:00.000', '2026-12-01 09:00:00.000');

INSERT INTO "TwoFactor" ("userId", "secret", "keyFingerprint", "enabledAt", "lastUsedStep", "createdAt") VALUES
    ('fx-user-daniel', 'v1.q8V3l7dX0c6Qk1Zr.mR9bT2uXoVw4nA8sYp3cE5fGh7jK1LqN2wP4.xY6tB8vC0dF2gH4jK6lM8nQ', '3f9a1c0e7b2d4e68', '2026-12-01 09:01:10.000', 59360042, '2026-12-01 09:00:00.000'),
    ('fx-user-priya', 'v1.Zr1Q6c0Xd7lV3q8k.A8sYp3cE5fGh7jK1LqN2wP4mR9bT2uXoVw4n.dF2gH4jK6lM8nQxY6tB8vC0', '3f9a1c0e7b2d4e68', NULL, 0, '2026-12-01 18:30:00.000');

INSERT INTO "RecoveryCode" ("id", "userId", "codeHash", "usedAt") VALUES
    ('fx-recovery-daniel-1', 'fx-user-daniel', '8d2b0c1e4f3a5b6c7d8e9f0a1b2c3d4e5f6a7b8c9d0e1f2a3b4c5d6e7f8a9b0c', NULL),
    ('fx-recovery-daniel-2', 'fx-user-daniel', '1f0e9d8c7b6a5f4e3d2c1b0a9f8e7d6c5b4a3f2e1d0c9b8a7f6e5d4c3b2a1f0e', '2026-12-01 18:30:00.000');

INSERT INTO "SecondFactorPass" ("sessionId", "userId", "passedAt") VALUES
    ('fx-session-daniel-2fa', 'fx-user-daniel', '2026-12-01 18:30:05.000');
