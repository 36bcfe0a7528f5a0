-- CreateTable
CREATE TABLE "OutcomeAssignment" (
    "id" TEXT NOT NULL,
    "patientId" TEXT NOT NULL,
    "physioId" TEXT NOT NULL,
    "instrument" TEXT NOT NULL,
    "firstDueDate" TEXT NOT NULL,
    "everyWeeks" INTEGER,
    "untilDate" TEXT,
    "clientRequestId" TEXT NOT NULL,
    "endedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "OutcomeAssignment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "OutcomeResponse" (
    "id" TEXT NOT NULL,
    "patientId" TEXT NOT NULL,
    "instrument" TEXT NOT NULL,
    "instrumentVersion" INTEGER NOT NULL,
    "assignmentId" TEXT,
    "dueDate" TEXT,
    "answers" TEXT NOT NULL,
    "score" DOUBLE PRECISION NOT NULL,
    "completedAt" TIMESTAMP(3) NOT NULL,
    "clientRequestId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "OutcomeResponse_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "OutcomeDraft" (
    "patientId" TEXT NOT NULL,
    "instrument" TEXT NOT NULL,
    "answers" TEXT NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "OutcomeDraft_pkey" PRIMARY KEY ("patientId","instrument")
);

-- CreateIndex
CREATE INDEX "OutcomeAssignment_patientId_endedAt_idx" ON "OutcomeAssignment"("patientId", "endedAt");

-- CreateIndex
CREATE UNIQUE INDEX "OutcomeAssignment_patientId_clientRequestId_key" ON "OutcomeAssignment"("patientId", "clientRequestId");

-- CreateIndex
CREATE INDEX "OutcomeResponse_patientId_instrument_completedAt_idx" ON "OutcomeResponse"("patientId", "instrument", "completedAt");

-- CreateIndex
CREATE UNIQUE INDEX "OutcomeResponse_patientId_clientRequestId_key" ON "OutcomeResponse"("patientId", "clientRequestId");

-- CreateIndex
CREATE UNIQUE INDEX "OutcomeResponse_assignmentId_dueDate_key" ON "OutcomeResponse"("assignmentId", "dueDate");

-- AddForeignKey
ALTER TABLE "OutcomeAssignment" ADD CONSTRAINT "OutcomeAssignment_patientId_fkey" FOREIGN KEY ("patientId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OutcomeAssignment" ADD CONSTRAINT "OutcomeAssignment_physioId_fkey" FOREIGN KEY ("physioId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OutcomeResponse" ADD CONSTRAINT "OutcomeResponse_patientId_fkey" FOREIGN KEY ("patientId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OutcomeResponse" ADD CONSTRAINT "OutcomeResponse_assignmentId_fkey" FOREIGN KEY ("assignmentId") REFERENCES "OutcomeAssignment"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OutcomeDraft" ADD CONSTRAINT "OutcomeDraft_patientId_fkey" FOREIGN KEY ("patientId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

