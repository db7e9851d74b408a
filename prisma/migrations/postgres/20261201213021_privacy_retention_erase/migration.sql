-- AlterTable
ALTER TABLE "ChatHandle" ADD COLUMN     "forgottenAt" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "Request" ADD COLUMN     "anonymisedAt" TIMESTAMP(3);

-- CreateTable
CREATE TABLE "RecentMessage" (
    "id" TEXT NOT NULL,
    "handleId" TEXT NOT NULL,
    "messageId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "eraseRequestedAt" TIMESTAMP(3),
    "lockedUntil" TIMESTAMP(3),

    CONSTRAINT "RecentMessage_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "RecentMessage_handleId_createdAt_idx" ON "RecentMessage"("handleId", "createdAt");

-- CreateIndex
CREATE INDEX "RecentMessage_eraseRequestedAt_idx" ON "RecentMessage"("eraseRequestedAt");

-- CreateIndex
CREATE INDEX "RecentMessage_createdAt_idx" ON "RecentMessage"("createdAt");
