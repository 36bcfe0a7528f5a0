-- Rows as the app had written them right after this migration: tests/integration/upgrade.test.ts
-- inserts them, applies every later migration, and checks they are all still there and readable.
-- Fixed ids ('fx-...') and fixed UTC times (timestamp(3) without time zone, in UTC).
-- Maya (Europe/London) takes e-mail reminders at 18:30 with the default quiet hours 21:00-08:00;
-- yesterday's was sent with its unsubscribe token's hash, today's is claimed by an instance whose
-- lease runs to 18:31. Sam (America/New_York) takes push at 07:15 with no quiet hours, on two
-- devices, and his test reminder was skipped. Maya keeps a calendar feed (only the token's hash).

INSERT INTO "ReminderPreference" ("userId", "channel", "minuteOfDay", "quietStart", "quietEnd", "createdAt", "updatedAt") VALUES
    ('fx-user-maya', 'EMAIL', 1110, 1260, 480, '2026-12-01 09:00:00.000', '2026-12-01 09:00:00.000'),
    ('fx-user-sam', 'PUSH', 435, NULL, NULL, '2026-12-01 12:00:00.000', '2026-12-01 12:05:00.000');

INSERT INTO "PushSubscription" ("id", "userId", "endpoint", "p256dh", "auth", "createdAt", "lastSentAt") VALUES
    ('fx-push-sam-phone', 'fx-user-sam', 'https://push.example.net/send/fx-sam-phone-7f3a9c', 'BNcRdreALRFXTkOOUHK1EtK2wtaz5Ry4YfYCA_0QTpQtUbVlUls0VJXg7A8u-Ts1XbjhazAkj7I99e8QcYP7DkM', 'tBHItJI5svbpez7KI4CCXg', '2026-12-01 12:05:00.000', NULL),
    ('fx-push-sam-laptop', 'fx-user-sam', 'https://push.example.net/send/fx-sam-laptop-41d2e8', 'BLc4xRzKlKORKWlbdgFaBrrPK3ydWAHo4M0gs0i1oEKgPpWC5cW8OCzVrOQRv-1npXRWk8udnW3oYhIO4475rds', 'ZBX1cC5VaQG9pPE1YxoD5A', '2026-11-20 08:00:00.000', '2026-12-01 07:15:02.000');

INSERT INTO "ReminderDelivery" ("id", "userId", "localDate", "kind", "status", "channel", "leaseUntil", "attempts", "outcome", "unsubscribeTokenHash", "sentAt", "createdAt", "updatedAt") VALUES
    ('fx-delivery-maya-1', 'fx-user-maya', '2026-11-30', 'DAILY', 'SENT', 'EMAIL', NULL, 1, 'sent', '5e884898da28047151d0e56f8dc6292773603d0d6aabbdd62a11ef721d1542d8', '2026-11-30 18:30:04.000', '2026-11-30 18:30:01.000', '2026-11-30 18:30:04.000'),
    ('fx-delivery-maya-2', 'fx-user-maya', '2026-12-01', 'DAILY', 'CLAIMED', 'EMAIL', '2026-12-01 18:31:00.000', 1, NULL, NULL, NULL, '2026-12-01 18:30:00.000', '2026-12-01 18:30:00.000'),
    ('fx-delivery-sam-test', 'fx-user-sam', '2026-12-01', 'TEST', 'SKIPPED', 'PUSH', NULL, 1, 'no device', NULL, NULL, '2026-12-01 12:01:00.000', '2026-12-01 12:01:00.000');

INSERT INTO "CalendarFeed" ("userId", "tokenHash", "createdAt") VALUES
    ('fx-user-maya', 'a3c1e5f7092b4d6e8f0a1c3e5b7d9f1e2a4c6e8b0d2f4a6c8e0b2d4f6a8c0e2f', '2026-12-01 09:10:00.000');
