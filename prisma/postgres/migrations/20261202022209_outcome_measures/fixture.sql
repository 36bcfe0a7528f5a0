-- Rows as the app had written them right after this migration: tests/integration/upgrade.test.ts
-- inserts them, applies every later migration, and checks they are all still there and readable.
-- Fixed ids ('fx-...') and fixed UTC times (ISO text with +00:00, as Prisma writes it).
-- Daniel asks Lena for the PSFS every 4 weeks until March; she answered the first one (two
-- activities, mean 3.5) and started on her own a second, which she left part-way (a draft).

INSERT INTO "OutcomeAssignment" ("id", "patientId", "physioId", "instrument", "firstDueDate", "everyWeeks", "untilDate", "clientRequestId", "endedAt", "createdAt") VALUES
    ('fx-outcome-assign-lena-psfs', 'fx-user-lena', 'fx-user-daniel', 'PSFS', '2026-11-20', 4, '2027-03-31', '0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c01', NULL, '2026-11-19T16:00:00.000+00:00'),
    ('fx-outcome-assign-lena-groc', 'fx-user-lena', 'fx-user-daniel', 'GROC', '2026-12-18', NULL, NULL, '0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c02', '2026-11-21T10:00:00.000+00:00', '2026-11-19T16:01:00.000+00:00');

INSERT INTO "OutcomeResponse" ("id", "patientId", "instrument", "instrumentVersion", "assignmentId", "dueDate", "answers", "score", "completedAt", "clientRequestId", "createdAt") VALUES
    ('fx-outcome-lena-psfs-1', 'fx-user-lena', 'PSFS', 1, 'fx-outcome-assign-lena-psfs', '2026-11-20', '{"choices":{},"activities":[{"name":"Climbing stairs","rating":3},{"name":"Putting on socks","rating":4}]}', 3.5, '2026-11-20T18:30:00.000+00:00', '0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c03', '2026-11-20T18:30:00.000+00:00');

INSERT INTO "OutcomeDraft" ("patientId", "instrument", "answers", "updatedAt") VALUES
    ('fx-user-lena', 'PSFS', '{"choices":{},"activities":[{"name":"Climbing stairs","rating":5},{"name":"Putting on socks","rating":null}]}', '2026-11-21T08:00:00.000+00:00');
