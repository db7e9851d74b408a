-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_OutboxMessage" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "handleId" TEXT NOT NULL,
    "payload" TEXT NOT NULL,
    "sentCount" INTEGER NOT NULL DEFAULT 0,
    "replacesId" TEXT,
    "status" TEXT NOT NULL DEFAULT 'PENDING',
    "holdWhileUnreachable" BOOLEAN NOT NULL DEFAULT false,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "nextAttemptAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lockedUntil" DATETIME,
    "lastError" TEXT,
    "sentMessageId" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "sentAt" DATETIME,
    CONSTRAINT "OutboxMessage_handleId_fkey" FOREIGN KEY ("handleId") REFERENCES "ChatHandle" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
INSERT INTO "new_OutboxMessage" ("attempts", "createdAt", "handleId", "id", "lastError", "lockedUntil", "nextAttemptAt", "payload", "replacesId", "sentAt", "sentCount", "sentMessageId", "status") SELECT "attempts", "createdAt", "handleId", "id", "lastError", "lockedUntil", "nextAttemptAt", "payload", "replacesId", "sentAt", "sentCount", "sentMessageId", "status" FROM "OutboxMessage";
DROP TABLE "OutboxMessage";
ALTER TABLE "new_OutboxMessage" RENAME TO "OutboxMessage";
CREATE INDEX "OutboxMessage_status_nextAttemptAt_idx" ON "OutboxMessage"("status", "nextAttemptAt");
CREATE INDEX "OutboxMessage_handleId_status_createdAt_idx" ON "OutboxMessage"("handleId", "status", "createdAt");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;
