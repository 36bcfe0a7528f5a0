-- Rows as the app had written them right after this migration: tests/integration/upgrade.test.ts
-- inserts them, applies every later migration, and checks they are all still there and readable.
-- Fixed ids ('fx-...') and fixed UTC times (timestamp(3) without time zone, in UTC).
-- Lena set her main pain area (left hip); Daniel set her weekly target to every due day. Her
-- guided session's before/after ratings are PainEntry rows naming the area; no session column
-- holds pain any more.

INSERT INTO "User" ("id", "email", "name", "role", "timezone", "passwordHash", "sessionVersion", "mainPainArea", "weeklyTargetPercent", "createdAt", "updatedAt") VALUES
    ('fx-user-lena', 'lena.fischer@example.com', 'Lena Fischer', 'PATIENT', 'Pacific/Auckland', '$argon2id$v=19$m=19456,t=2,p=1$mQwa5xIIrYsv3X8QQgBtyg$LIZqr7GwQUznV8Ll9sGQv7r4m+sBjhBGcV1SDOTexU0', 0, 'LEFT_HIP', 100, '2026-11-19 07:00:00.000', '2026-11-19 08:10:00.000');

INSERT INTO "CareLink" ("id", "physioId", "patientId", "status", "consentedAt", "revokedAt", "revokedById", "createdAt", "updatedAt") VALUES
    ('fx-link-lena', 'fx-user-daniel', 'fx-user-lena', 'ACTIVE', '2026-11-19 07:30:00.000', NULL, NULL, '2026-11-19 07:30:00.000', '2026-11-19 07:30:00.000');

INSERT INTO "ExerciseSession" ("id", "patientId", "startedAt", "durationSeconds", "notes", "source", "version", "clientRequestId", "deletedAt", "createdAt", "updatedAt") VALUES
    ('fx-session-lena-1', 'fx-user-lena', '2026-11-19 19:00:00.000', 840, 'Left hip sore going in, eased by the end.', 'GUIDED', 1, '4b1e9c2a-7d3f-4e8a-9b6c-2f1a0e9d8c71', NULL, '2026-11-19 19:14:00.000', '2026-11-19 19:14:00.000');

INSERT INTO "SessionEntry" ("id", "sessionId", "exerciseId", "position", "side", "sets", "reps", "holdSeconds") VALUES
    ('fx-entry-lena-1a', 'fx-session-lena-1', 'fx-ex-clamshell', 0, 'LEFT', 2, 10, 3),
    ('fx-entry-lena-1b', 'fx-session-lena-1', 'fx-ex-clamshell', 1, 'RIGHT', 2, 10, 3);

INSERT INTO "PainEntry" ("id", "patientId", "rating", "region", "context", "recordedAt", "note", "sessionId", "version", "clientRequestId", "deletedAt", "createdAt", "updatedAt") VALUES
    ('fx-pain-lena-check-in', 'fx-user-lena', 5, 'LEFT_HIP', 'CHECK_IN', '2026-11-19 08:05:00.000', '', NULL, 1, '8e7d6c5b-4a3f-4e2d-9c1b-0a9f8e7d6c51:LEFT_HIP', NULL, '2026-11-19 08:05:00.000', '2026-11-19 08:05:00.000'),
    ('fx-pain-lena-before', 'fx-user-lena', 6, 'LEFT_HIP', 'BEFORE_SESSION', '2026-11-19 19:00:00.000', '', 'fx-session-lena-1', 1, '4b1e9c2a-7d3f-4e8a-9b6c-2f1a0e9d8c71:before', NULL, '2026-11-19 19:14:00.000', '2026-11-19 19:14:00.000'),
    ('fx-pain-lena-after', 'fx-user-lena', 4, 'LEFT_HIP', 'AFTER_SESSION', '2026-11-19 19:14:00.000', '', 'fx-session-lena-1', 1, '4b1e9c2a-7d3f-4e8a-9b6c-2f1a0e9d8c71:after', NULL, '2026-11-19 19:14:00.000', '2026-11-19 19:14:00.000');
