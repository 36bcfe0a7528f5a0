-- Rows as the app had written them right after this migration: tests/integration/upgrade.test.ts
-- inserts them, applies every later migration, and checks they are all still there and readable.
-- Fixed ids ('fx-...') and fixed UTC times (ISO text with +00:00, as Prisma writes it).
-- A thread on Lena's session: Daniel's comment, edited once (its first text kept) and read by Lena;
-- Lena's reply, read by Daniel; and a reply Lena deleted (its text kept as the revision).

INSERT INTO "Comment" ("id", "authorId", "patientId", "sessionId", "body", "clientRequestId", "version", "editedAt", "deletedAt", "readAt", "createdAt") VALUES
    ('fx-comment-lena-1', 'fx-user-daniel', 'fx-user-lena', 'fx-session-lena-1', 'Tell me if the left hip stays at 6 after the bridges.', '5d1c2b3a-4e5f-4a6b-8c7d-9e0f1a2b3c41', 2, '2026-11-20T08:40:00.000+00:00', NULL, '2026-11-20T09:00:00.000+00:00', '2026-11-20T08:30:00.000+00:00'),
    ('fx-comment-lena-2', 'fx-user-lena', 'fx-user-lena', 'fx-session-lena-1', 'It went down to 4 by the evening.', '6e2d3c4b-5f6a-4b7c-9d8e-0f1a2b3c4d52', 1, NULL, NULL, '2026-11-20T10:15:00.000+00:00', '2026-11-20T09:05:00.000+00:00'),
    ('fx-comment-lena-3', 'fx-user-lena', 'fx-user-lena', 'fx-session-lena-1', 'Sorry, wrong session.', '7f3e4d5c-6a7b-4c8d-8e9f-1a2b3c4d5e63', 2, NULL, '2026-11-20T09:07:00.000+00:00', NULL, '2026-11-20T09:06:00.000+00:00');

INSERT INTO "CommentRevision" ("id", "commentId", "patientId", "version", "change", "body", "changedById", "clientRequestId", "createdAt") VALUES
    ('fx-comment-rev-lena-1', 'fx-comment-lena-1', 'fx-user-lena', 1, 'EDITED', 'Tell me if the left hip stays at 6.', 'fx-user-daniel', '8a4f5e6d-7b8c-4d9e-9f0a-2b3c4d5e6f74', '2026-11-20T08:40:00.000+00:00'),
    ('fx-comment-rev-lena-3', 'fx-comment-lena-3', 'fx-user-lena', 1, 'DELETED', 'Sorry, wrong session.', 'fx-user-lena', '9b5a6f7e-8c9d-4e0f-8a1b-3c4d5e6f7a85', '2026-11-20T09:07:00.000+00:00');

-- Audit details as the app wrote them until the trusted_audit migration, naming people; that
-- migration scrubs them (see its data-changes.md).
INSERT INTO "AuditEvent" ("id", "actorId", "actorRole", "action", "patientId", "outcome", "clientAddress", "detail", "at") VALUES
    ('fx-audit-invite-for-tom', 'fx-user-daniel', 'PHYSIO', 'INVITE_CREATED', NULL, 'SUCCESS', '198.51.100.10', 'for tom.reyes@example.net', '2026-11-19T10:00:00.000+00:00'),
    ('fx-audit-ended-priya', 'fx-user-maya', 'PATIENT', 'CARE_LINK_ENDED', 'fx-user-maya', 'SUCCESS', '203.0.113.45', 'with Priya Shah', '2026-11-03T17:55:00.000+00:00'),
    ('fx-audit-made-up', 'fx-user-daniel', 'PHYSIO', 'ACCESS_DENIED', 'not-a-user-id', 'DENIED', '198.51.100.10', NULL, '2026-11-20T10:30:00.000+00:00');
