-- Time-zone history (issue 11). Until now a user had one zone (User.timezone), used for every day
-- computation. Each user gets one history row with that zone, in force from 1970 (the earliest
-- instant a log may carry), so every past day stays exactly as it was; a change in settings adds
-- a row from that moment on.

-- CreateTable
CREATE TABLE "UserTimeZone" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "timeZone" TEXT NOT NULL,
    "validFrom" TIMESTAMP(3) NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "UserTimeZone_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "UserTimeZone_userId_validFrom_key" ON "UserTimeZone"("userId", "validFrom");

-- AddForeignKey
ALTER TABLE "UserTimeZone" ADD CONSTRAINT "UserTimeZone_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Backfill: the zone each user has now, in force since 1970.
INSERT INTO "UserTimeZone" ("id", "userId", "timeZone", "validFrom", "createdAt")
SELECT 'backfill-' || u."id", u."id", u."timezone", TIMESTAMP '1970-01-01 00:00:00', CURRENT_TIMESTAMP
  FROM "User" u;
