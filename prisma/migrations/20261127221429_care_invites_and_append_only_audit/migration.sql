-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_CareInvite" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "physioId" TEXT NOT NULL,
    "patientEmail" TEXT NOT NULL,
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
INSERT INTO "new_CareInvite" ("acceptedById", "codeHash", "createdAt", "expiresAt", "id", "physioId", "respondedAt", "status", "tokenHash") SELECT "acceptedById", "codeHash", "createdAt", "expiresAt", "id", "physioId", "respondedAt", "status", "tokenHash" FROM "CareInvite";
DROP TABLE "CareInvite";
ALTER TABLE "new_CareInvite" RENAME TO "CareInvite";
CREATE UNIQUE INDEX "CareInvite_tokenHash_key" ON "CareInvite"("tokenHash");
CREATE UNIQUE INDEX "CareInvite_codeHash_key" ON "CareInvite"("codeHash");
CREATE INDEX "CareInvite_physioId_status_idx" ON "CareInvite"("physioId", "status");
CREATE INDEX "CareInvite_patientEmail_status_idx" ON "CareInvite"("patientEmail", "status");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;


-- The audit trail is append-only: the database itself refuses to change or remove an event.
CREATE TRIGGER "AuditEvent_no_update" BEFORE UPDATE ON "AuditEvent"
BEGIN
    SELECT RAISE(ABORT, 'AuditEvent rows are append-only');
END;
CREATE TRIGGER "AuditEvent_no_delete" BEFORE DELETE ON "AuditEvent"
BEGIN
    SELECT RAISE(ABORT, 'AuditEvent rows are append-only');
END;
