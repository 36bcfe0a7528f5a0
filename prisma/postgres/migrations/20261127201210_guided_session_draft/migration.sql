-- CreateTable
CREATE TABLE "GuidedSessionDraft" (
    "patientId" TEXT NOT NULL,
    "startedAt" TIMESTAMP(3) NOT NULL,
    "state" TEXT NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "GuidedSessionDraft_pkey" PRIMARY KEY ("patientId")
);

-- AddForeignKey
ALTER TABLE "GuidedSessionDraft" ADD CONSTRAINT "GuidedSessionDraft_patientId_fkey" FOREIGN KEY ("patientId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

