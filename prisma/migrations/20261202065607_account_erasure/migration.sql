-- AlterTable
ALTER TABLE "ClinicalNote" ADD COLUMN "detachedAt" DATETIME;
ALTER TABLE "ClinicalNote" ADD COLUMN "patientLabel" TEXT;

-- CreateTable
CREATE TABLE "CareTeamNotice" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "patientId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "CareTeamNotice_patientId_fkey" FOREIGN KEY ("patientId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "CareTeamNotice_patientId_idx" ON "CareTeamNotice"("patientId");

