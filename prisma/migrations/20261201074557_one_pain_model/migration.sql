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
       strftime('%Y-%m-%dT%H:%M:%f+00:00', s."startedAt", '+' || s."durationSeconds" || ' seconds'), '', s."id", 1,
       'migrated-' || s."id" || '-after', s."deletedAt", s."createdAt", s."updatedAt"
  FROM "ExerciseSession" s
 WHERE s."painAfter" IS NOT NULL
   AND NOT EXISTS (SELECT 1 FROM "PainEntry" p WHERE p."sessionId" = s."id" AND p."context" = 'AFTER_SESSION');

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_User" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "email" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "role" TEXT NOT NULL,
    "timezone" TEXT NOT NULL DEFAULT 'UTC',
    "passwordHash" TEXT NOT NULL,
    "sessionVersion" INTEGER NOT NULL DEFAULT 0,
    "mainPainArea" TEXT,
    "weeklyTargetPercent" INTEGER NOT NULL DEFAULT 80,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);
INSERT INTO "new_User" ("createdAt", "email", "id", "name", "passwordHash", "role", "sessionVersion", "timezone", "updatedAt") SELECT "createdAt", "email", "id", "name", "passwordHash", "role", "sessionVersion", "timezone", "updatedAt" FROM "User";
DROP TABLE "User";
ALTER TABLE "new_User" RENAME TO "User";
CREATE UNIQUE INDEX "User_email_key" ON "User"("email");
CREATE TABLE "new_ExerciseSession" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "patientId" TEXT NOT NULL,
    "startedAt" DATETIME NOT NULL,
    "durationSeconds" INTEGER NOT NULL,
    "notes" TEXT NOT NULL DEFAULT '',
    "source" TEXT NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "clientRequestId" TEXT NOT NULL,
    "deletedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "ExerciseSession_patientId_fkey" FOREIGN KEY ("patientId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_ExerciseSession" ("clientRequestId", "createdAt", "deletedAt", "durationSeconds", "id", "notes", "patientId", "source", "startedAt", "updatedAt", "version") SELECT "clientRequestId", "createdAt", "deletedAt", "durationSeconds", "id", "notes", "patientId", "source", "startedAt", "updatedAt", "version" FROM "ExerciseSession";
DROP TABLE "ExerciseSession";
ALTER TABLE "new_ExerciseSession" RENAME TO "ExerciseSession";
CREATE INDEX "ExerciseSession_patientId_startedAt_idx" ON "ExerciseSession"("patientId", "startedAt");
CREATE INDEX "ExerciseSession_patientId_deletedAt_startedAt_idx" ON "ExerciseSession"("patientId", "deletedAt", "startedAt");
CREATE UNIQUE INDEX "ExerciseSession_patientId_clientRequestId_key" ON "ExerciseSession"("patientId", "clientRequestId");
CREATE TABLE "new_PainEntry" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "patientId" TEXT NOT NULL,
    "rating" INTEGER NOT NULL,
    "region" TEXT NOT NULL,
    "context" TEXT NOT NULL,
    "recordedAt" DATETIME NOT NULL,
    "note" TEXT NOT NULL DEFAULT '',
    "sessionId" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "clientRequestId" TEXT NOT NULL,
    "deletedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "PainEntry_patientId_fkey" FOREIGN KEY ("patientId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "PainEntry_sessionId_fkey" FOREIGN KEY ("sessionId") REFERENCES "ExerciseSession" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_PainEntry" ("clientRequestId", "context", "createdAt", "deletedAt", "id", "note", "patientId", "rating", "recordedAt", "region", "sessionId", "updatedAt", "version") SELECT "clientRequestId", "context", "createdAt", "deletedAt", "id", "note", "patientId", "rating", "recordedAt", "region", "sessionId", "updatedAt", "version" FROM "PainEntry";
DROP TABLE "PainEntry";
ALTER TABLE "new_PainEntry" RENAME TO "PainEntry";
CREATE INDEX "PainEntry_patientId_recordedAt_idx" ON "PainEntry"("patientId", "recordedAt");
CREATE INDEX "PainEntry_patientId_deletedAt_recordedAt_idx" ON "PainEntry"("patientId", "deletedAt", "recordedAt");
CREATE UNIQUE INDEX "PainEntry_patientId_clientRequestId_key" ON "PainEntry"("patientId", "clientRequestId");
CREATE UNIQUE INDEX "PainEntry_sessionId_context_key" ON "PainEntry"("sessionId", "context");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

