-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_ChatHandle" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "channel" TEXT NOT NULL,
    "lookupHash" TEXT NOT NULL,
    "encryptedId" TEXT NOT NULL,
    "locale" TEXT,
    "unsubscribedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);
INSERT INTO "new_ChatHandle" ("channel", "createdAt", "encryptedId", "id", "locale", "lookupHash", "unsubscribedAt") SELECT "channel", "createdAt", "encryptedId", "id", "locale", "lookupHash", "unsubscribedAt" FROM "ChatHandle";
DROP TABLE "ChatHandle";
ALTER TABLE "new_ChatHandle" RENAME TO "ChatHandle";
CREATE UNIQUE INDEX "ChatHandle_lookupHash_key" ON "ChatHandle"("lookupHash");
CREATE TABLE "new_OutboxMessage" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "handleId" TEXT NOT NULL,
    "payload" TEXT NOT NULL,
    "sentCount" INTEGER NOT NULL DEFAULT 0,
    "replacesId" TEXT,
    "status" TEXT NOT NULL DEFAULT 'PENDING',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "nextAttemptAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lockedUntil" DATETIME,
    "lastError" TEXT,
    "sentMessageId" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "sentAt" DATETIME,
    CONSTRAINT "OutboxMessage_handleId_fkey" FOREIGN KEY ("handleId") REFERENCES "ChatHandle" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
INSERT INTO "new_OutboxMessage" ("attempts", "createdAt", "handleId", "id", "lastError", "lockedUntil", "nextAttemptAt", "payload", "sentAt", "sentMessageId", "status") SELECT "attempts", "createdAt", "handleId", "id", "lastError", "lockedUntil", "nextAttemptAt", "payload", "sentAt", "sentMessageId", "status" FROM "OutboxMessage";
DROP TABLE "OutboxMessage";
ALTER TABLE "new_OutboxMessage" RENAME TO "OutboxMessage";
CREATE INDEX "OutboxMessage_status_nextAttemptAt_idx" ON "OutboxMessage"("status", "nextAttemptAt");
CREATE INDEX "OutboxMessage_handleId_status_createdAt_idx" ON "OutboxMessage"("handleId", "status", "createdAt");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE UNIQUE INDEX "Request_continuationHash_key" ON "Request"("continuationHash");
