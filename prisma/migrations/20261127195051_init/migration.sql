-- CreateTable
CREATE TABLE "User" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "email" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "role" TEXT NOT NULL,
    "timezone" TEXT NOT NULL DEFAULT 'UTC',
    "passwordHash" TEXT NOT NULL,
    "sessionVersion" INTEGER NOT NULL DEFAULT 0,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "Exercise" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "slug" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "category" TEXT NOT NULL,
    "startingPosition" TEXT NOT NULL,
    "summary" TEXT NOT NULL,
    "targetMuscles" TEXT NOT NULL,
    "steps" TEXT NOT NULL,
    "cautions" TEXT NOT NULL,
    "defaultSets" INTEGER NOT NULL,
    "defaultReps" INTEGER NOT NULL,
    "defaultHoldSeconds" INTEGER NOT NULL,
    "defaultPerSide" BOOLEAN NOT NULL,
    "illustration" TEXT NOT NULL,
    "sortOrder" INTEGER NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "Routine" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "patientId" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Routine_patientId_fkey" FOREIGN KEY ("patientId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "RoutineItem" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "routineId" TEXT NOT NULL,
    "exerciseId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "sets" INTEGER NOT NULL,
    "reps" INTEGER NOT NULL,
    "holdSeconds" INTEGER NOT NULL,
    "perSide" BOOLEAN NOT NULL,
    "daysOfWeek" INTEGER NOT NULL,
    "setById" TEXT NOT NULL,
    "setByRole" TEXT NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "stoppedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "RoutineItem_routineId_fkey" FOREIGN KEY ("routineId") REFERENCES "Routine" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "RoutineItem_exerciseId_fkey" FOREIGN KEY ("exerciseId") REFERENCES "Exercise" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "RoutineItem_setById_fkey" FOREIGN KEY ("setById") REFERENCES "User" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "RoutineItemVersion" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "routineItemId" TEXT NOT NULL,
    "patientId" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "change" TEXT NOT NULL,
    "exerciseId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "sets" INTEGER NOT NULL,
    "reps" INTEGER NOT NULL,
    "holdSeconds" INTEGER NOT NULL,
    "perSide" BOOLEAN NOT NULL,
    "daysOfWeek" INTEGER NOT NULL,
    "changedById" TEXT NOT NULL,
    "changedByRole" TEXT NOT NULL,
    "clientRequestId" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "RoutineItemVersion_routineItemId_fkey" FOREIGN KEY ("routineItemId") REFERENCES "RoutineItem" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "RoutineItemVersion_exerciseId_fkey" FOREIGN KEY ("exerciseId") REFERENCES "Exercise" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "RoutineItemVersion_changedById_fkey" FOREIGN KEY ("changedById") REFERENCES "User" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ExerciseSession" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "patientId" TEXT NOT NULL,
    "startedAt" DATETIME NOT NULL,
    "durationSeconds" INTEGER NOT NULL,
    "painBefore" INTEGER,
    "painAfter" INTEGER,
    "notes" TEXT NOT NULL DEFAULT '',
    "source" TEXT NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "clientRequestId" TEXT NOT NULL,
    "deletedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "ExerciseSession_patientId_fkey" FOREIGN KEY ("patientId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "SessionEntry" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "sessionId" TEXT NOT NULL,
    "exerciseId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "side" TEXT NOT NULL,
    "sets" INTEGER NOT NULL,
    "reps" INTEGER NOT NULL,
    "holdSeconds" INTEGER NOT NULL,
    CONSTRAINT "SessionEntry_sessionId_fkey" FOREIGN KEY ("sessionId") REFERENCES "ExerciseSession" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "SessionEntry_exerciseId_fkey" FOREIGN KEY ("exerciseId") REFERENCES "Exercise" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ExerciseSessionRevision" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "sessionId" TEXT NOT NULL,
    "patientId" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "change" TEXT NOT NULL,
    "snapshot" TEXT NOT NULL,
    "changedById" TEXT NOT NULL,
    "clientRequestId" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "ExerciseSessionRevision_sessionId_fkey" FOREIGN KEY ("sessionId") REFERENCES "ExerciseSession" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "ExerciseSessionRevision_changedById_fkey" FOREIGN KEY ("changedById") REFERENCES "User" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "PainEntry" (
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
    CONSTRAINT "PainEntry_patientId_fkey" FOREIGN KEY ("patientId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "PainEntryRevision" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "painEntryId" TEXT NOT NULL,
    "patientId" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "change" TEXT NOT NULL,
    "snapshot" TEXT NOT NULL,
    "changedById" TEXT NOT NULL,
    "clientRequestId" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "PainEntryRevision_painEntryId_fkey" FOREIGN KEY ("painEntryId") REFERENCES "PainEntry" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "PainEntryRevision_changedById_fkey" FOREIGN KEY ("changedById") REFERENCES "User" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "CareLink" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "physioId" TEXT NOT NULL,
    "patientId" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "consentedAt" DATETIME NOT NULL,
    "revokedAt" DATETIME,
    "revokedById" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "CareLink_physioId_fkey" FOREIGN KEY ("physioId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "CareLink_patientId_fkey" FOREIGN KEY ("patientId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "CareInvite" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "physioId" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "codeHash" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'PENDING',
    "expiresAt" DATETIME NOT NULL,
    "acceptedById" TEXT,
    "respondedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "CareInvite_physioId_fkey" FOREIGN KEY ("physioId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "CareInvite_acceptedById_fkey" FOREIGN KEY ("acceptedById") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ClinicalNote" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "physioId" TEXT NOT NULL,
    "patientId" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "clientRequestId" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "ClinicalNote_physioId_fkey" FOREIGN KEY ("physioId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "ClinicalNote_patientId_fkey" FOREIGN KEY ("patientId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Comment" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "authorId" TEXT NOT NULL,
    "patientId" TEXT NOT NULL,
    "sessionId" TEXT,
    "body" TEXT NOT NULL,
    "clientRequestId" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Comment_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Comment_patientId_fkey" FOREIGN KEY ("patientId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Comment_sessionId_fkey" FOREIGN KEY ("sessionId") REFERENCES "ExerciseSession" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "AuditEvent" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "actorId" TEXT,
    "actorRole" TEXT,
    "action" TEXT NOT NULL,
    "patientId" TEXT,
    "outcome" TEXT NOT NULL,
    "clientAddress" TEXT,
    "detail" TEXT,
    "at" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "SignInThrottle" (
    "key" TEXT NOT NULL PRIMARY KEY,
    "failures" INTEGER NOT NULL DEFAULT 0,
    "windowStart" DATETIME NOT NULL,
    "lastFailure" DATETIME NOT NULL
);

-- CreateIndex
CREATE UNIQUE INDEX "User_email_key" ON "User"("email");

-- CreateIndex
CREATE UNIQUE INDEX "Exercise_slug_key" ON "Exercise"("slug");

-- CreateIndex
CREATE INDEX "Exercise_category_startingPosition_idx" ON "Exercise"("category", "startingPosition");

-- CreateIndex
CREATE UNIQUE INDEX "Routine_patientId_key" ON "Routine"("patientId");

-- CreateIndex
CREATE INDEX "RoutineItem_routineId_stoppedAt_position_idx" ON "RoutineItem"("routineId", "stoppedAt", "position");

-- CreateIndex
CREATE INDEX "RoutineItemVersion_patientId_createdAt_idx" ON "RoutineItemVersion"("patientId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "RoutineItemVersion_routineItemId_version_key" ON "RoutineItemVersion"("routineItemId", "version");

-- CreateIndex
CREATE UNIQUE INDEX "RoutineItemVersion_patientId_clientRequestId_key" ON "RoutineItemVersion"("patientId", "clientRequestId");

-- CreateIndex
CREATE INDEX "ExerciseSession_patientId_startedAt_idx" ON "ExerciseSession"("patientId", "startedAt");

-- CreateIndex
CREATE INDEX "ExerciseSession_patientId_deletedAt_startedAt_idx" ON "ExerciseSession"("patientId", "deletedAt", "startedAt");

-- CreateIndex
CREATE UNIQUE INDEX "ExerciseSession_patientId_clientRequestId_key" ON "ExerciseSession"("patientId", "clientRequestId");

-- CreateIndex
CREATE INDEX "SessionEntry_sessionId_position_idx" ON "SessionEntry"("sessionId", "position");

-- CreateIndex
CREATE INDEX "SessionEntry_exerciseId_idx" ON "SessionEntry"("exerciseId");

-- CreateIndex
CREATE UNIQUE INDEX "ExerciseSessionRevision_sessionId_version_key" ON "ExerciseSessionRevision"("sessionId", "version");

-- CreateIndex
CREATE UNIQUE INDEX "ExerciseSessionRevision_patientId_clientRequestId_key" ON "ExerciseSessionRevision"("patientId", "clientRequestId");

-- CreateIndex
CREATE INDEX "PainEntry_patientId_recordedAt_idx" ON "PainEntry"("patientId", "recordedAt");

-- CreateIndex
CREATE INDEX "PainEntry_patientId_deletedAt_recordedAt_idx" ON "PainEntry"("patientId", "deletedAt", "recordedAt");

-- CreateIndex
CREATE INDEX "PainEntry_sessionId_idx" ON "PainEntry"("sessionId");

-- CreateIndex
CREATE UNIQUE INDEX "PainEntry_patientId_clientRequestId_key" ON "PainEntry"("patientId", "clientRequestId");

-- CreateIndex
CREATE UNIQUE INDEX "PainEntryRevision_painEntryId_version_key" ON "PainEntryRevision"("painEntryId", "version");

-- CreateIndex
CREATE UNIQUE INDEX "PainEntryRevision_patientId_clientRequestId_key" ON "PainEntryRevision"("patientId", "clientRequestId");

-- CreateIndex
CREATE INDEX "CareLink_physioId_status_idx" ON "CareLink"("physioId", "status");

-- CreateIndex
CREATE INDEX "CareLink_patientId_status_idx" ON "CareLink"("patientId", "status");

-- CreateIndex
CREATE UNIQUE INDEX "CareLink_physioId_patientId_key" ON "CareLink"("physioId", "patientId");

-- CreateIndex
CREATE UNIQUE INDEX "CareInvite_tokenHash_key" ON "CareInvite"("tokenHash");

-- CreateIndex
CREATE UNIQUE INDEX "CareInvite_codeHash_key" ON "CareInvite"("codeHash");

-- CreateIndex
CREATE INDEX "CareInvite_physioId_status_idx" ON "CareInvite"("physioId", "status");

-- CreateIndex
CREATE INDEX "ClinicalNote_patientId_physioId_createdAt_idx" ON "ClinicalNote"("patientId", "physioId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "ClinicalNote_patientId_clientRequestId_key" ON "ClinicalNote"("patientId", "clientRequestId");

-- CreateIndex
CREATE INDEX "Comment_patientId_createdAt_idx" ON "Comment"("patientId", "createdAt");

-- CreateIndex
CREATE INDEX "Comment_sessionId_idx" ON "Comment"("sessionId");

-- CreateIndex
CREATE UNIQUE INDEX "Comment_patientId_clientRequestId_key" ON "Comment"("patientId", "clientRequestId");

-- CreateIndex
CREATE INDEX "AuditEvent_patientId_at_idx" ON "AuditEvent"("patientId", "at");

-- CreateIndex
CREATE INDEX "AuditEvent_actorId_at_idx" ON "AuditEvent"("actorId", "at");

