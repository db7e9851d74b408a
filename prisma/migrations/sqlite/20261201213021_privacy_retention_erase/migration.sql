-- AlterTable
ALTER TABLE "ChatHandle" ADD COLUMN "forgottenAt" DATETIME;

-- AlterTable
ALTER TABLE "Request" ADD COLUMN "anonymisedAt" DATETIME;

-- CreateTable
CREATE TABLE "RecentMessage" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "handleId" TEXT NOT NULL,
    "messageId" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "eraseRequestedAt" DATETIME,
    "lockedUntil" DATETIME
);

-- CreateIndex
CREATE INDEX "RecentMessage_handleId_createdAt_idx" ON "RecentMessage"("handleId", "createdAt");

-- CreateIndex
CREATE INDEX "RecentMessage_eraseRequestedAt_idx" ON "RecentMessage"("eraseRequestedAt");

-- CreateIndex
CREATE INDEX "RecentMessage_createdAt_idx" ON "RecentMessage"("createdAt");
