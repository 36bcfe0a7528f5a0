-- AlterTable
ALTER TABLE "ClinicalNote" ADD COLUMN     "detachedAt" TIMESTAMP(3),
ADD COLUMN     "patientLabel" TEXT;

-- CreateTable
CREATE TABLE "CareTeamNotice" (
    "id" TEXT NOT NULL,
    "patientId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CareTeamNotice_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "CareTeamNotice_patientId_idx" ON "CareTeamNotice"("patientId");

-- AddForeignKey
ALTER TABLE "CareTeamNotice" ADD CONSTRAINT "CareTeamNotice_patientId_fkey" FOREIGN KEY ("patientId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

