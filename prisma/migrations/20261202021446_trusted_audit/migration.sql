-- Audit you can trust (see data-changes.md): people in the audit trail become opaque subject keys,
-- and details that named someone are scrubbed. The append-only triggers are lifted for this
-- migration alone: rebuilding the table drops them with the old table, and they are created again
-- below, before the migration commits.

-- CreateTable
CREATE TABLE "AuditSubject" (
    "key" TEXT NOT NULL PRIMARY KEY,
    "userId" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateIndex
CREATE UNIQUE INDEX "AuditSubject_userId_key" ON "AuditSubject"("userId");

-- One random key per existing person.
INSERT INTO "AuditSubject" ("key", "userId", "createdAt")
SELECT lower(hex(randomblob(16))), "id", CURRENT_TIMESTAMP FROM "User";

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_AuditEvent" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "actorKey" TEXT,
    "actorRole" TEXT,
    "action" TEXT NOT NULL,
    "patientKey" TEXT,
    "outcome" TEXT NOT NULL,
    "clientAddress" TEXT,
    "detail" TEXT,
    "onceKey" TEXT,
    "at" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);
-- Raw user ids become subject keys (an id that names nobody, such as a made-up one in a refused
-- attempt, becomes NULL); details that held an e-mail address or a name go.
INSERT INTO "new_AuditEvent" ("action", "actorKey", "actorRole", "at", "clientAddress", "detail", "id", "outcome", "patientKey")
SELECT e."action",
    (SELECT s."key" FROM "AuditSubject" s WHERE s."userId" = e."actorId"),
    e."actorRole", e."at", e."clientAddress",
    CASE
        WHEN e."detail" LIKE '%@%' THEN NULL
        WHEN e."action" IN ('INVITE_CREATED', 'INVITE_ACCEPTED', 'INVITE_DECLINED', 'CARE_LINK_ENDED')
            AND (e."detail" LIKE 'for %' OR e."detail" LIKE 'from %' OR e."detail" LIKE 'with %') THEN NULL
        ELSE e."detail"
    END,
    e."id", e."outcome",
    (SELECT s."key" FROM "AuditSubject" s WHERE s."userId" = e."patientId")
FROM "AuditEvent" e;
DROP TABLE "AuditEvent";
ALTER TABLE "new_AuditEvent" RENAME TO "AuditEvent";
CREATE UNIQUE INDEX "AuditEvent_onceKey_key" ON "AuditEvent"("onceKey");
CREATE INDEX "AuditEvent_patientKey_at_idx" ON "AuditEvent"("patientKey", "at");
CREATE INDEX "AuditEvent_actorKey_at_idx" ON "AuditEvent"("actorKey", "at");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- The audit trail is append-only again: the database itself refuses to change or remove an event.
CREATE TRIGGER "AuditEvent_no_update" BEFORE UPDATE ON "AuditEvent"
BEGIN
    SELECT RAISE(ABORT, 'AuditEvent rows are append-only');
END;
CREATE TRIGGER "AuditEvent_no_delete" BEFORE DELETE ON "AuditEvent"
BEGIN
    SELECT RAISE(ABORT, 'AuditEvent rows are append-only');
END;
