-- AlterTable
ALTER TABLE "Centre" ADD COLUMN "languages" TEXT;

-- CreateTable
CREATE TABLE "StaffLoginToken" (
    "tokenHash" TEXT NOT NULL PRIMARY KEY,
    "specialistId" TEXT NOT NULL,
    "expiresAt" DATETIME NOT NULL,
    "usedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "StaffLoginToken_specialistId_fkey" FOREIGN KEY ("specialistId") REFERENCES "Specialist" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "StaffSession" (
    "idHash" TEXT NOT NULL PRIMARY KEY,
    "specialistId" TEXT NOT NULL,
    "lastSeenAt" DATETIME NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "StaffSession_specialistId_fkey" FOREIGN KEY ("specialistId") REFERENCES "Specialist" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "StaffLoginToken_specialistId_idx" ON "StaffLoginToken"("specialistId");

-- CreateIndex
CREATE INDEX "StaffSession_specialistId_idx" ON "StaffSession"("specialistId");
