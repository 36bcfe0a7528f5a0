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
    "updatedAt" DATETIME NOT NULL,
    "guidedLeadInSeconds" INTEGER NOT NULL DEFAULT 5
);
INSERT INTO "new_User" ("createdAt", "email", "id", "mainPainArea", "name", "passwordHash", "role", "sessionVersion", "timezone", "updatedAt", "weeklyTargetPercent") SELECT "createdAt", "email", "id", "mainPainArea", "name", "passwordHash", "role", "sessionVersion", "timezone", "updatedAt", "weeklyTargetPercent" FROM "User";
DROP TABLE "User";
ALTER TABLE "new_User" RENAME TO "User";
CREATE UNIQUE INDEX "User_email_key" ON "User"("email");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

