-- Rows as the app had written them right after this migration: tests/integration/upgrade.test.ts
-- inserts them, applies every later migration, and checks they are all still there and readable.
-- Fixed ids ('fx-...') and fixed UTC times (ISO text with +00:00, as Prisma writes it).
-- No CareInvite rows: no version of the app before 20261127221429_care_invites_and_append_only_audit
-- wrote invitations, and that migration adds "patientEmail" NOT NULL without a default, so it
-- could not upgrade a database that had any.

INSERT INTO "User" ("id", "email", "name", "role", "timezone", "passwordHash", "sessionVersion", "createdAt", "updatedAt") VALUES
    ('fx-user-daniel', 'daniel.brooks@physio.example', 'Daniel Brooks', 'PHYSIO', 'Europe/London', '$argon2id$v=19$m=19456,t=2,p=1$zXHaIQFdzCC3CB1BxqndOA$vVkuVgRRtNJ598KPtWyr1rbsUxPAefW7GkrRs48xjRE', 0, '2026-10-28T08:00:00.000+00:00', '2026-10-28T08:00:00.000+00:00'),
    ('fx-user-priya', 'priya.shah@physio.example', 'Priya Shah', 'PHYSIO', 'Europe/Dublin', '$argon2id$v=19$m=19456,t=2,p=1$zXHaIQFdzCC3CB1BxqndOA$vVkuVgRRtNJ598KPtWyr1rbsUxPAefW7GkrRs48xjRE', 0, '2026-10-30T14:20:00.000+00:00', '2026-10-30T14:20:00.000+00:00'),
    ('fx-user-maya', 'maya.okafor@example.com', 'Maya Okafor', 'PATIENT', 'Europe/London', '$argon2id$v=19$m=19456,t=2,p=1$mQwa5xIIrYsv3X8QQgBtyg$LIZqr7GwQUznV8Ll9sGQv7r4m+sBjhBGcV1SDOTexU0', 1, '2026-11-02T09:14:05.120+00:00', '2026-11-10T19:02:44.870+00:00');

INSERT INTO "Exercise" ("id", "slug", "name", "category", "startingPosition", "summary", "targetMuscles", "steps", "cautions", "defaultSets", "defaultReps", "defaultHoldSeconds", "defaultPerSide", "illustration", "sortOrder", "createdAt", "updatedAt") VALUES
    ('fx-ex-glute-bridge', 'glute-bridge', 'Glute bridge', 'STRENGTHEN', 'LYING_ON_BACK', 'Strengthens the buttocks and the back of the thighs to support your hips and lower back. You should feel your buttocks doing most of the work.', '["Buttock muscles (gluteus maximus)","Back of the thigh (hamstrings)","Deep tummy muscles (transversus abdominis)"]', '["Lie on your back with your knees bent, feet hip-width apart on the floor, and arms resting beside you.","Gently tighten your tummy and squeeze your buttocks together.","Press through your heels to raise your hips until your shoulders, hips and knees make a straight line.","Hold the bridge for 30 seconds with steady breathing, starting with shorter holds if you need to.","Roll your spine slowly back down to the floor and rest before the next one."]', '["Stop at the straight line: pushing the hips higher arches your lower back.","If the back of your thigh cramps, move your feet a little closer to your buttocks.","Stop if you feel sharp pain in your back or hips."]', 2, 3, 30, 0, '/exercises/glute-bridge.svg', 10, '2026-10-27T06:00:00.000+00:00', '2026-10-27T06:00:00.000+00:00'),
    ('fx-ex-clamshell', 'clamshell', 'Clamshell', 'STRENGTHEN', 'LYING_ON_SIDE', 'Strengthens the side and back of the hip, which helps control your pelvis and knee. You should feel the effort in the side of the buttock of the top leg.', '["Side of the buttock (gluteus medius)","Deep hip rotators (piriformis and obturators)"]', '["Lie on your right side with your hips and knees bent, knees in front of you, and your feet together in line with your back.","Rest your head on your lower arm or a pillow and place your top hand on your top hip.","Keeping your heels touching, open your top (left) knee towards the ceiling like a shell, only as far as you can without your pelvis rolling back.","Hold the knee open for 30 seconds, building up to this gradually.","Close the knees slowly, then turn over and work your right leg."]', '["Keep your hips stacked one above the other; the movement is small and comes only from the hip.","After a hip replacement, check with your surgeon or physiotherapist first, especially about side-lying positions."]', 2, 3, 30, 1, '/exercises/clamshell.svg', 14, '2026-10-27T06:00:00.000+00:00', '2026-10-27T06:00:00.000+00:00'),
    ('fx-ex-knee-to-chest', 'knee-to-chest-stretch', 'Knee-to-chest stretch', 'STRETCH', 'LYING_ON_BACK', 'Eases stiffness in the buttock and lower back. You should feel a gentle stretch in the buttock and the back of the hip on the side you are hugging, not at the front of the hip.', '["Buttock muscles (gluteus maximus)","Back of the hip (deep hip rotators and posterior hip capsule)","Lower-back muscles (lumbar erector spinae)"]', '["Lie on your back with your knees bent up and both feet resting on the floor.","Bring your right knee up and link your hands behind that thigh, just below the knee.","Slowly draw the knee in towards your chest until you feel a comfortable stretch in your right buttock.","Keep your head and shoulders relaxed on the floor and breathe slowly as you hold for 30 seconds.","Lower the foot back to the floor with control, then do the same with your left leg."]', '["Hold behind your thigh rather than over the kneecap to protect the knee.","If you feel pinching deep in the groin, let the knee drift slightly outwards or ease it away from your chest.","After a hip replacement, bending the hip this far may not be allowed yet, so ask your surgeon or physiotherapist first."]', 1, 3, 30, 1, '/exercises/knee-to-chest-stretch.svg', 3, '2026-10-27T06:00:00.000+00:00', '2026-10-27T06:00:00.000+00:00');

INSERT INTO "Routine" ("id", "patientId", "createdAt", "updatedAt") VALUES
    ('fx-routine-maya', 'fx-user-maya', '2026-11-03T18:20:00.000+00:00', '2026-11-12T20:05:00.000+00:00');

INSERT INTO "RoutineItem" ("routineId", "stoppedAt", "id", "exerciseId", "position", "sets", "reps", "holdSeconds", "perSide", "daysOfWeek", "setById", "setByRole", "version", "createdAt", "updatedAt") VALUES
    ('fx-routine-maya', NULL, 'fx-item-bridge', 'fx-ex-glute-bridge', 0, 2, 3, 30, 0, 21, 'fx-user-daniel', 'PHYSIO', 2, '2026-11-03T18:20:00.000+00:00', '2026-11-10T17:45:00.000+00:00'),
    ('fx-routine-maya', NULL, 'fx-item-clamshell', 'fx-ex-clamshell', 1, 2, 3, 30, 1, 127, 'fx-user-maya', 'PATIENT', 1, '2026-11-04T07:10:00.000+00:00', '2026-11-04T07:10:00.000+00:00'),
    ('fx-routine-maya', '2026-11-12T20:05:00.000+00:00', 'fx-item-knee', 'fx-ex-knee-to-chest', 2, 1, 3, 30, 1, 127, 'fx-user-maya', 'PATIENT', 2, '2026-11-04T07:12:00.000+00:00', '2026-11-12T20:05:00.000+00:00');

INSERT INTO "RoutineItemVersion" ("patientId", "id", "routineItemId", "version", "change", "exerciseId", "position", "sets", "reps", "holdSeconds", "perSide", "daysOfWeek", "changedById", "changedByRole", "clientRequestId", "createdAt") VALUES
    ('fx-user-maya', 'fx-riv-bridge-1', 'fx-item-bridge', 1, 'CREATED', 'fx-ex-glute-bridge', 0, 2, 3, 20, 0, 21, 'fx-user-daniel', 'PHYSIO', '0b6f4c1e-5a0d-4c55-9a51-2f0e8d7c1a01', '2026-11-03T18:20:00.000+00:00'),
    ('fx-user-maya', 'fx-riv-bridge-2', 'fx-item-bridge', 2, 'UPDATED', 'fx-ex-glute-bridge', 0, 2, 3, 30, 0, 21, 'fx-user-daniel', 'PHYSIO', '0b6f4c1e-5a0d-4c55-9a51-2f0e8d7c1a02', '2026-11-10T17:45:00.000+00:00'),
    ('fx-user-maya', 'fx-riv-clamshell-1', 'fx-item-clamshell', 1, 'CREATED', 'fx-ex-clamshell', 1, 2, 3, 30, 1, 127, 'fx-user-maya', 'PATIENT', '7d2a9e30-1c4b-4f0a-8e6d-3b5c2a1f9e11', '2026-11-04T07:10:00.000+00:00'),
    ('fx-user-maya', 'fx-riv-knee-1', 'fx-item-knee', 1, 'CREATED', 'fx-ex-knee-to-chest', 2, 1, 3, 30, 1, 127, 'fx-user-maya', 'PATIENT', '7d2a9e30-1c4b-4f0a-8e6d-3b5c2a1f9e12', '2026-11-04T07:12:00.000+00:00'),
    ('fx-user-maya', 'fx-riv-knee-2', 'fx-item-knee', 2, 'STOPPED', 'fx-ex-knee-to-chest', 2, 1, 3, 30, 1, 127, 'fx-user-maya', 'PATIENT', '7d2a9e30-1c4b-4f0a-8e6d-3b5c2a1f9e13', '2026-11-12T20:05:00.000+00:00');

INSERT INTO "ExerciseSession" ("id", "patientId", "startedAt", "durationSeconds", "painBefore", "painAfter", "notes", "source", "version", "clientRequestId", "deletedAt", "createdAt", "updatedAt") VALUES
    ('fx-session-1', 'fx-user-maya', '2026-11-16T07:30:00.000+00:00', 1260, 5, 3, 'Bridges felt easier today; right hip a bit stiff on the clamshells.', 'GUIDED', 2, 'c3e1a7b2-8f44-4d1e-b0a2-5e9d6c7f8a21', NULL, '2026-11-16T07:51:00.000+00:00', '2026-11-16T20:10:00.000+00:00'),
    ('fx-session-2', 'fx-user-maya', '2026-11-18T18:05:00.000+00:00', 900, 4, 3, '', 'QUICK_LOG', 1, 'c3e1a7b2-8f44-4d1e-b0a2-5e9d6c7f8a22', NULL, '2026-11-18T18:21:00.000+00:00', '2026-11-18T18:21:00.000+00:00'),
    ('fx-session-3', 'fx-user-maya', '2026-11-13T07:40:00.000+00:00', 600, NULL, NULL, '', 'QUICK_LOG', 2, 'c3e1a7b2-8f44-4d1e-b0a2-5e9d6c7f8a23', '2026-11-13T07:45:00.000+00:00', '2026-11-13T07:41:00.000+00:00', '2026-11-13T07:45:00.000+00:00');

INSERT INTO "SessionEntry" ("id", "sessionId", "exerciseId", "position", "side", "sets", "reps", "holdSeconds") VALUES
    ('fx-entry-1a', 'fx-session-1', 'fx-ex-glute-bridge', 0, 'BOTH', 2, 3, 30),
    ('fx-entry-1b', 'fx-session-1', 'fx-ex-clamshell', 1, 'LEFT', 2, 3, 30),
    ('fx-entry-1c', 'fx-session-1', 'fx-ex-clamshell', 2, 'RIGHT', 2, 3, 30),
    ('fx-entry-2a', 'fx-session-2', 'fx-ex-glute-bridge', 0, 'BOTH', 2, 3, 30),
    ('fx-entry-3a', 'fx-session-3', 'fx-ex-knee-to-chest', 0, 'BOTH', 1, 3, 30);

INSERT INTO "ExerciseSessionRevision" ("id", "sessionId", "patientId", "version", "change", "snapshot", "changedById", "clientRequestId", "createdAt") VALUES
    ('fx-session-rev-1', 'fx-session-1', 'fx-user-maya', 1, 'EDITED', '{"id":"fx-session-1","startedAt":"2026-11-16T07:30:00.000Z","durationSeconds":1260,"painBefore":5,"painAfter":4,"notes":"","source":"GUIDED","version":1,"edited":false,"deletedAt":null,"entries":[{"exerciseId":"fx-ex-glute-bridge","exerciseName":"Glute bridge","exerciseSlug":"glute-bridge","side":"BOTH","sets":2,"reps":3,"holdSeconds":30},{"exerciseId":"fx-ex-clamshell","exerciseName":"Clamshell","exerciseSlug":"clamshell","side":"LEFT","sets":2,"reps":3,"holdSeconds":30},{"exerciseId":"fx-ex-clamshell","exerciseName":"Clamshell","exerciseSlug":"clamshell","side":"RIGHT","sets":2,"reps":3,"holdSeconds":30}]}', 'fx-user-maya', '5f0c2b9d-7e1a-4a3b-9c8d-1e2f3a4b5c61', '2026-11-16T20:10:00.000+00:00'),
    ('fx-session-rev-3', 'fx-session-3', 'fx-user-maya', 1, 'DELETED', '{"id":"fx-session-3","startedAt":"2026-11-13T07:40:00.000Z","durationSeconds":600,"painBefore":null,"painAfter":null,"notes":"","source":"QUICK_LOG","version":1,"edited":false,"deletedAt":null,"entries":[{"exerciseId":"fx-ex-knee-to-chest","exerciseName":"Knee-to-chest stretch","exerciseSlug":"knee-to-chest-stretch","side":"BOTH","sets":1,"reps":3,"holdSeconds":30}]}', 'fx-user-maya', '5f0c2b9d-7e1a-4a3b-9c8d-1e2f3a4b5c63', '2026-11-13T07:45:00.000+00:00');

INSERT INTO "PainEntry" ("id", "patientId", "rating", "region", "context", "recordedAt", "note", "sessionId", "version", "clientRequestId", "deletedAt", "createdAt", "updatedAt") VALUES
    ('fx-pain-1', 'fx-user-maya', 5, 'LOWER_BACK', 'BEFORE_SESSION', '2026-11-16T07:30:00.000+00:00', '', 'fx-session-1', 1, 'c3e1a7b2-8f44-4d1e-b0a2-5e9d6c7f8a21:before', NULL, '2026-11-16T07:51:00.000+00:00', '2026-11-16T07:51:00.000+00:00'),
    ('fx-pain-2', 'fx-user-maya', 3, 'LOWER_BACK', 'AFTER_SESSION', '2026-11-16T07:51:00.000+00:00', '', 'fx-session-1', 1, 'c3e1a7b2-8f44-4d1e-b0a2-5e9d6c7f8a21:after', NULL, '2026-11-16T07:51:00.000+00:00', '2026-11-16T07:51:00.000+00:00'),
    ('fx-pain-3', 'fx-user-maya', 4, 'RIGHT_HIP', 'CHECK_IN', '2026-11-18T12:15:00.000+00:00', 'Stiff after a long drive.', NULL, 2, '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c01:RIGHT_HIP', NULL, '2026-11-18T12:15:00.000+00:00', '2026-11-18T12:40:00.000+00:00'),
    ('fx-pain-4', 'fx-user-maya', 2, 'LEFT_HIP', 'CHECK_IN', '2026-11-18T12:15:00.000+00:00', '', NULL, 1, '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c01:LEFT_HIP', NULL, '2026-11-18T12:15:00.000+00:00', '2026-11-18T12:15:00.000+00:00'),
    ('fx-pain-5', 'fx-user-maya', 7, 'LOWER_BACK', 'CHECK_IN', '2026-11-14T09:00:00.000+00:00', '', NULL, 2, '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c02:LOWER_BACK', '2026-11-14T09:02:00.000+00:00', '2026-11-14T09:00:00.000+00:00', '2026-11-14T09:02:00.000+00:00');

INSERT INTO "PainEntryRevision" ("id", "painEntryId", "patientId", "version", "change", "snapshot", "changedById", "clientRequestId", "createdAt") VALUES
    ('fx-pain-rev-3', 'fx-pain-3', 'fx-user-maya', 1, 'EDITED', '{"id":"fx-pain-3","rating":6,"region":"RIGHT_HIP","context":"CHECK_IN","recordedAt":"2026-11-18T12:15:00.000Z","note":"Stiff after a long drive.","version":1,"edited":false,"deletedAt":null}', 'fx-user-maya', '2d3e4f5a-6b7c-4d8e-9f0a-1b2c3d4e5f03', '2026-11-18T12:40:00.000+00:00'),
    ('fx-pain-rev-5', 'fx-pain-5', 'fx-user-maya', 1, 'DELETED', '{"id":"fx-pain-5","rating":7,"region":"LOWER_BACK","context":"CHECK_IN","recordedAt":"2026-11-14T09:00:00.000Z","note":"","version":1,"edited":false,"deletedAt":null}', 'fx-user-maya', '2d3e4f5a-6b7c-4d8e-9f0a-1b2c3d4e5f05', '2026-11-14T09:02:00.000+00:00');

INSERT INTO "CareLink" ("id", "physioId", "patientId", "status", "consentedAt", "revokedAt", "revokedById", "createdAt", "updatedAt") VALUES
    ('fx-link-priya', 'fx-user-priya', 'fx-user-maya', 'REVOKED', '2026-11-02T10:05:00.000+00:00', '2026-11-03T17:55:00.000+00:00', 'fx-user-maya', '2026-11-02T10:05:00.000+00:00', '2026-11-03T17:55:00.000+00:00'),
    ('fx-link-daniel', 'fx-user-daniel', 'fx-user-maya', 'ACTIVE', '2026-11-03T18:02:00.000+00:00', NULL, NULL, '2026-11-03T18:02:00.000+00:00', '2026-11-03T18:02:00.000+00:00');

INSERT INTO "ClinicalNote" ("id", "physioId", "patientId", "body", "clientRequestId", "createdAt", "updatedAt") VALUES
    ('fx-note-1', 'fx-user-daniel', 'fx-user-maya', 'Initial assessment: mechanical low back pain with right hip stiffness, no red flags. Bridges three times a week; review in two weeks.', 'e1f2a3b4-c5d6-4e7f-8a9b-0c1d2e3f4a51', '2026-11-03T18:30:00.000+00:00', '2026-11-03T18:30:00.000+00:00');

INSERT INTO "Comment" ("id", "authorId", "patientId", "sessionId", "body", "clientRequestId", "createdAt") VALUES
    ('fx-comment-1', 'fx-user-daniel', 'fx-user-maya', 'fx-session-1', 'Good progress on the bridges. Keep the clamshell range small if the right hip catches.', 'e1f2a3b4-c5d6-4e7f-8a9b-0c1d2e3f4a61', '2026-11-17T09:12:00.000+00:00');

INSERT INTO "AuditEvent" ("id", "actorId", "actorRole", "action", "patientId", "outcome", "clientAddress", "detail", "at") VALUES
    ('fx-audit-sign-up', 'fx-user-maya', 'PATIENT', 'SIGN_UP', 'fx-user-maya', 'SUCCESS', '203.0.113.45', NULL, '2026-11-02T09:14:05.200+00:00'),
    ('fx-audit-denied', 'fx-user-priya', 'PHYSIO', 'ACCESS_DENIED', 'fx-user-maya', 'DENIED', '198.51.100.77', NULL, '2026-11-04T08:00:00.000+00:00'),
    ('fx-audit-read-sessions', 'fx-user-daniel', 'PHYSIO', 'READ_SESSIONS', 'fx-user-maya', 'SUCCESS', '198.51.100.10', NULL, '2026-11-17T09:10:00.000+00:00'),
    ('fx-audit-comment', 'fx-user-daniel', 'PHYSIO', 'COMMENT_ADDED', 'fx-user-maya', 'SUCCESS', '198.51.100.10', NULL, '2026-11-17T09:12:00.000+00:00'),
    ('fx-audit-throttled', NULL, NULL, 'SIGN_IN', NULL, 'DENIED', '192.0.2.66', 'throttled', '2026-11-20T11:59:30.000+00:00');

INSERT INTO "SignInThrottle" ("key", "failures", "windowStart", "lastFailure") VALUES
    ('address:192.0.2.66', 22, '2026-11-20T11:20:00.000+00:00', '2026-11-20T11:59:00.000+00:00');
