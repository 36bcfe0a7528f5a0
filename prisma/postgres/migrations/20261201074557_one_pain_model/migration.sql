-- One pain model (issue 10). Pain rated before and after a session used to live only in
-- ExerciseSession.painBefore / painAfter, without an area, and never counted as pain data. Each
-- value becomes a PainEntry row (context BEFORE_SESSION / AFTER_SESSION, sessionId set) dated at
-- the session's start / end, with region 'NOT_GIVEN': the area was never asked, so none is
-- invented. Sessions that already have such a row (demo data wrote them) keep theirs. The two
-- columns are then dropped; see data-changes.md.

INSERT INTO "PainEntry" ("id", "patientId", "rating", "region", "context", "recordedAt", "note", "sessionId", "version", "clientRequestId", "deletedAt", "createdAt", "updatedAt")
SELECT 'migrated-' || s."id" || '-before', s."patientId", s."painBefore", 'NOT_GIVEN', 'BEFORE_SESSION', s."startedAt", '', s."id", 1,
       'migrated-' || s."id" || '-before', s."deletedAt", s."createdAt", s."updatedAt"
  FROM "ExerciseSession" s
 WHERE s."painBefore" IS NOT NULL
   AND NOT EXISTS (SELECT 1 FROM "PainEntry" p WHERE p."sessionId" = s."id" AND p."context" = 'BEFORE_SESSION');

INSERT INTO "PainEntry" ("id", "patientId", "rating", "region", "context", "recordedAt", "note", "sessionId", "version", "clientRequestId", "deletedAt", "createdAt", "updatedAt")
SELECT 'migrated-' || s."id" || '-after', s."patientId", s."painAfter", 'NOT_GIVEN', 'AFTER_SESSION',
       s."startedAt" + s."durationSeconds" * INTERVAL '1 second', '', s."id", 1,
       'migrated-' || s."id" || '-after', s."deletedAt", s."createdAt", s."updatedAt"
  FROM "ExerciseSession" s
 WHERE s."painAfter" IS NOT NULL
   AND NOT EXISTS (SELECT 1 FROM "PainEntry" p WHERE p."sessionId" = s."id" AND p."context" = 'AFTER_SESSION');

-- DropIndex
DROP INDEX "PainEntry_sessionId_idx";

-- AlterTable
ALTER TABLE "User" ADD COLUMN     "mainPainArea" TEXT,
ADD COLUMN     "weeklyTargetPercent" INTEGER NOT NULL DEFAULT 80;

-- AlterTable
ALTER TABLE "ExerciseSession" DROP COLUMN "painAfter",
DROP COLUMN "painBefore";

-- CreateIndex
CREATE UNIQUE INDEX "PainEntry_sessionId_context_key" ON "PainEntry"("sessionId", "context");

-- AddForeignKey
ALTER TABLE "PainEntry" ADD CONSTRAINT "PainEntry_sessionId_fkey" FOREIGN KEY ("sessionId") REFERENCES "ExerciseSession"("id") ON DELETE CASCADE ON UPDATE CASCADE;

