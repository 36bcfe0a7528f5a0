-- Rows as the app had written them right after this migration: tests/integration/upgrade.test.ts
-- inserts them, applies every later migration, and checks they are all still there and readable.
-- Fixed ids ('fx-...') and fixed UTC times (timestamp(3) without time zone, in UTC).
-- A guided session Maya paused this morning (the state is the player's suspended, checked form).

INSERT INTO "GuidedSessionDraft" ("patientId", "startedAt", "state", "updatedAt") VALUES
    ('fx-user-maya', '2026-11-20 07:35:00.000', '{"version":1,"planKey":"10/30/1,fx-ex-glute-bridge/2/3/30/0,fx-ex-clamshell/2/3/30/1","stage":"STEPS","painBefore":4,"startedAt":1795160140000,"endedAt":null,"index":3,"outcomes":"c3","elapsedMs":412000,"runningSince":null,"pausedAt":1795161150000,"pausedMs":0}', '2026-11-20 07:52:30.000');
