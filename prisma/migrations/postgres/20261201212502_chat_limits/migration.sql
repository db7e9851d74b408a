-- CreateTable
CREATE TABLE "ChatLimit" (
    "handleId" TEXT NOT NULL,
    "rule" TEXT NOT NULL,
    "windowStart" TIMESTAMP(3) NOT NULL,
    "count" INTEGER NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ChatLimit_pkey" PRIMARY KEY ("handleId","rule")
);

-- CreateIndex
CREATE INDEX "ChatLimit_expiresAt_idx" ON "ChatLimit"("expiresAt");
