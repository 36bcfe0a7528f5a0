-- Rows as the app had written them right after this migration: tests/integration/upgrade.test.ts
-- inserts them, applies every later migration, and checks they are all still there and readable.
-- Fixed ids ('fx-...') and fixed UTC times (ISO text with +00:00, as Prisma writes it).
-- Invitations are bound to a patient e-mail from here on: one accepted (Sam, now linked to Daniel),
-- one still pending.

INSERT INTO "User" ("id", "email", "name", "role", "timezone", "passwordHash", "sessionVersion", "createdAt", "updatedAt") VALUES
    ('fx-user-sam', 'sam.whitfield@example.org', 'Sam Whitfield', 'PATIENT', 'America/New_York', '$argon2id$v=19$m=19456,t=2,p=1$mQwa5xIIrYsv3X8QQgBtyg$LIZqr7GwQUznV8Ll9sGQv7r4m+sBjhBGcV1SDOTexU0', 0, '2026-11-18T14:02:00.000+00:00', '2026-11-18T14:02:00.000+00:00');

INSERT INTO "CareInvite" ("id", "physioId", "patientEmail", "tokenHash", "codeHash", "status", "expiresAt", "acceptedById", "respondedAt", "createdAt") VALUES
    ('fx-invite-sam', 'fx-user-daniel', 'sam.whitfield@example.org', '7a9dc3a5076b31bfbefd593c664dba37ab876ac47fc4db89a92a1ffdfc7ac7ce', '7df3fec17bbd13b41c457cd7d2bae366f475e97b838887c982878f4bb9f49f44', 'ACCEPTED', '2026-11-24T13:30:00.000+00:00', 'fx-user-sam', '2026-11-18T14:05:00.000+00:00', '2026-11-17T13:30:00.000+00:00'),
    ('fx-invite-tom', 'fx-user-daniel', 'tom.reyes@example.net', 'd42ded9b362a8803e8cdf8b52f9fe309f184b31076060d0cd5ac42aa99acbbb3', '37f6cce1de93f49dc9e73443da9dc87616f5c9bcc8167195f5b28d3ec2ccdb28', 'PENDING', '2026-11-26T10:00:00.000+00:00', NULL, NULL, '2026-11-19T10:00:00.000+00:00');

INSERT INTO "CareLink" ("id", "physioId", "patientId", "status", "consentedAt", "revokedAt", "revokedById", "createdAt", "updatedAt") VALUES
    ('fx-link-sam', 'fx-user-daniel', 'fx-user-sam', 'ACTIVE', '2026-11-18T14:05:00.000+00:00', NULL, NULL, '2026-11-18T14:05:00.000+00:00', '2026-11-18T14:05:00.000+00:00');

INSERT INTO "AuditEvent" ("id", "actorId", "actorRole", "action", "patientId", "outcome", "clientAddress", "detail", "at") VALUES
    ('fx-audit-invite-created', 'fx-user-daniel', 'PHYSIO', 'INVITE_CREATED', NULL, 'SUCCESS', '198.51.100.10', NULL, '2026-11-17T13:30:00.000+00:00'),
    ('fx-audit-invite-accepted', 'fx-user-sam', 'PATIENT', 'INVITE_ACCEPTED', 'fx-user-sam', 'SUCCESS', '203.0.113.90', NULL, '2026-11-18T14:05:00.000+00:00'),
    ('fx-audit-read-routine', 'fx-user-daniel', 'PHYSIO', 'READ_ROUTINE', 'fx-user-maya', 'SUCCESS', '198.51.100.10', NULL, '2026-11-19T10:04:00.000+00:00');
