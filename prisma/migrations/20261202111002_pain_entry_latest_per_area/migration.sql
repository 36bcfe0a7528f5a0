-- CreateIndex
CREATE INDEX "PainEntry_patientId_region_deletedAt_recordedAt_idx" ON "PainEntry"("patientId", "region", "deletedAt", "recordedAt");

