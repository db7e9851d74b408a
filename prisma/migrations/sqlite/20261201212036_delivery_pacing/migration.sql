-- CreateTable
CREATE TABLE "SendPace" (
    "key" TEXT NOT NULL PRIMARY KEY,
    "tat" REAL NOT NULL
);

-- AlterTable (written by hand as ADD COLUMN instead of the engine's table redefinition, so that it
-- composes with other migrations that add columns to OutboxMessage; the resulting schema is the same)
ALTER TABLE "OutboxMessage" ADD COLUMN "lockedBy" TEXT;
ALTER TABLE "OutboxMessage" ADD COLUMN "priority" INTEGER NOT NULL DEFAULT 1;

-- CreateIndex
CREATE INDEX "OutboxMessage_status_priority_createdAt_idx" ON "OutboxMessage"("status", "priority", "createdAt");
