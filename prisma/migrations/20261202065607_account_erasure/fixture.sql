-- Rows as the app had written them right after this migration: tests/integration/upgrade.test.ts
-- inserts them, applies every later migration, and checks they are all still there and readable.
-- Fixed ids ('fx-...') and fixed UTC times (ISO text with +00:00, as Prisma writes it).
-- The two placeholder accounts an erasure creates (lib/erasure/placeholders.ts: no e-mail address
-- anyone could type, no password hash that any password matches); a patient, Nora, who erased her
-- account: Daniel's note about her stays with him, detached, under the name she had; and Lena's
-- notice that a physiotherapist she shared her data with closed their account.

INSERT INTO "User" ("id", "email", "name", "role", "timezone", "passwordHash", "sessionVersion", "createdAt", "updatedAt") VALUES
    ('placeholder-former-physio', 'placeholder:former-physiotherapist', 'Former physiotherapist', 'PHYSIO', 'UTC', '!', 0, '2026-12-02T07:00:00.000+00:00', '2026-12-02T07:00:00.000+00:00'),
    ('placeholder-erased-patient', 'placeholder:erased-patient', 'Erased patient', 'PATIENT', 'UTC', '!', 0, '2026-12-02T07:00:00.000+00:00', '2026-12-02T07:00:00.000+00:00');

INSERT INTO "ClinicalNote" ("id", "physioId", "patientId", "body", "clientRequestId", "createdAt", "updatedAt", "patientLabel", "detachedAt") VALUES
    ('fx-note-nora', 'fx-user-daniel', 'placeholder-erased-patient', 'Discharged: pain-free walking 5 km, full hip range. Home programme twice a week.', 'erased:fx-note-nora', '2026-11-25T16:40:00.000+00:00', '2026-12-02T07:00:00.000+00:00', 'Nora Lindqvist', '2026-12-02T07:00:00.000+00:00');

INSERT INTO "CareTeamNotice" ("id", "patientId", "kind", "createdAt") VALUES
    ('fx-notice-lena', 'fx-user-lena', 'PHYSIO_ACCOUNT_CLOSED', '2026-12-02T07:05:00.000+00:00');
