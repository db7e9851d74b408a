-- AlterTable
ALTER TABLE "ChatHandle" ALTER COLUMN "locale" DROP NOT NULL,
ALTER COLUMN "locale" DROP DEFAULT;

-- AlterTable
ALTER TABLE "OutboxMessage" ADD COLUMN     "replacesId" TEXT,
ADD COLUMN     "sentCount" INTEGER NOT NULL DEFAULT 0;

-- CreateIndex
CREATE INDEX "OutboxMessage_handleId_status_createdAt_idx" ON "OutboxMessage"("handleId", "status", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "Request_continuationHash_key" ON "Request"("continuationHash");
