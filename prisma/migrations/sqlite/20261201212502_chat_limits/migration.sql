-- CreateTable
CREATE TABLE "ChatLimit" (
    "handleId" TEXT NOT NULL,
    "rule" TEXT NOT NULL,
    "windowStart" DATETIME NOT NULL,
    "count" INTEGER NOT NULL,
    "expiresAt" DATETIME NOT NULL,

    PRIMARY KEY ("handleId", "rule")
);

-- CreateIndex
CREATE INDEX "ChatLimit_expiresAt_idx" ON "ChatLimit"("expiresAt");
