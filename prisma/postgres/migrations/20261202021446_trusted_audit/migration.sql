-- Audit you can trust (see data-changes.md): people in the audit trail become opaque subject keys,
-- and details that named someone are scrubbed. The append-only trigger is lifted for this
-- migration alone (the migration runs in one transaction, as the owner) and enabled again below.

-- CreateTable
CREATE TABLE "AuditSubject" (
    "key" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AuditSubject_pkey" PRIMARY KEY ("key")
);

-- CreateIndex
CREATE UNIQUE INDEX "AuditSubject_userId_key" ON "AuditSubject"("userId");

-- One random key per existing person.
INSERT INTO "AuditSubject" ("key", "userId", "createdAt")
SELECT replace(gen_random_uuid()::text, '-', ''), "id", CURRENT_TIMESTAMP FROM "User";

-- AlterTable
ALTER TABLE "AuditEvent" ADD COLUMN     "actorKey" TEXT,
ADD COLUMN     "onceKey" TEXT,
ADD COLUMN     "patientKey" TEXT;

ALTER TABLE "AuditEvent" DISABLE TRIGGER "AuditEvent_append_only";

-- Raw user ids become subject keys (an id that names nobody, such as a made-up one in a refused
-- attempt, becomes NULL); details that held an e-mail address or a name go.
UPDATE "AuditEvent" e SET
    "actorKey" = (SELECT s."key" FROM "AuditSubject" s WHERE s."userId" = e."actorId"),
    "patientKey" = (SELECT s."key" FROM "AuditSubject" s WHERE s."userId" = e."patientId"),
    "detail" = CASE
        WHEN e."detail" LIKE '%@%' THEN NULL
        WHEN e."action" IN ('INVITE_CREATED', 'INVITE_ACCEPTED', 'INVITE_DECLINED', 'CARE_LINK_ENDED')
            AND (e."detail" LIKE 'for %' OR e."detail" LIKE 'from %' OR e."detail" LIKE 'with %') THEN NULL
        ELSE e."detail"
    END;

ALTER TABLE "AuditEvent" ENABLE TRIGGER "AuditEvent_append_only";

-- DropIndex
DROP INDEX "AuditEvent_patientId_at_idx";

-- DropIndex
DROP INDEX "AuditEvent_actorId_at_idx";

-- AlterTable
ALTER TABLE "AuditEvent" DROP COLUMN "actorId",
DROP COLUMN "patientId";

-- CreateIndex
CREATE UNIQUE INDEX "AuditEvent_onceKey_key" ON "AuditEvent"("onceKey");

-- CreateIndex
CREATE INDEX "AuditEvent_patientKey_at_idx" ON "AuditEvent"("patientKey", "at");

-- CreateIndex
CREATE INDEX "AuditEvent_actorKey_at_idx" ON "AuditEvent"("actorKey", "at");
