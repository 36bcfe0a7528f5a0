-- AlterTable
ALTER TABLE "User" ADD COLUMN     "guidedLeadInSeconds" INTEGER NOT NULL DEFAULT 5;

