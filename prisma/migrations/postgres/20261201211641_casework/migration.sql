-- DropForeignKey
ALTER TABLE "Request" DROP CONSTRAINT "Request_reporterHandleId_fkey";

-- AlterTable
ALTER TABLE "Request" ADD COLUMN     "assessedAt" TIMESTAMP(3),
ADD COLUMN     "caseCategory" TEXT,
ADD COLUMN     "childAge" TEXT,
ADD COLUMN     "childSex" TEXT,
ADD COLUMN     "encryptedAddress" TEXT,
ADD COLUMN     "intakeSource" TEXT,
ADD COLUMN     "riskLevel" TEXT,
ALTER COLUMN "channel" DROP NOT NULL,
ALTER COLUMN "reporterHandleId" DROP NOT NULL;

-- CreateTable
CREATE TABLE "CaseNote" (
    "id" TEXT NOT NULL,
    "requestId" TEXT NOT NULL,
    "specialistId" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CaseNote_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CaseNotice" (
    "id" TEXT NOT NULL,
    "requestId" TEXT NOT NULL,
    "recipient" TEXT NOT NULL,
    "recipientName" TEXT,
    "way" TEXT NOT NULL,
    "sentAt" TIMESTAMP(3) NOT NULL,
    "specialistId" TEXT NOT NULL,
    "reference" TEXT,
    "acknowledgedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CaseNotice_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DeadlineAlert" (
    "requestId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "level" INTEGER NOT NULL,
    "dueAt" TIMESTAMP(3) NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "DeadlineAlert_pkey" PRIMARY KEY ("requestId","kind","level")
);

-- CreateTable
CREATE TABLE "ReferralContact" (
    "id" TEXT NOT NULL,
    "oblastId" TEXT NOT NULL,
    "recipient" TEXT NOT NULL,
    "nameUk" TEXT NOT NULL,
    "nameRu" TEXT NOT NULL,
    "phone" TEXT,
    "email" TEXT,
    "addressUk" TEXT,
    "addressRu" TEXT,

    CONSTRAINT "ReferralContact_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "CaseNote_requestId_createdAt_idx" ON "CaseNote"("requestId", "createdAt");

-- CreateIndex
CREATE INDEX "CaseNotice_requestId_sentAt_idx" ON "CaseNotice"("requestId", "sentAt");

-- CreateIndex
CREATE INDEX "CaseNotice_recipient_sentAt_idx" ON "CaseNotice"("recipient", "sentAt");

-- CreateIndex
CREATE INDEX "ReferralContact_oblastId_recipient_idx" ON "ReferralContact"("oblastId", "recipient");

-- AddForeignKey
ALTER TABLE "Request" ADD CONSTRAINT "Request_reporterHandleId_fkey" FOREIGN KEY ("reporterHandleId") REFERENCES "ChatHandle"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CaseNote" ADD CONSTRAINT "CaseNote_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "Request"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CaseNote" ADD CONSTRAINT "CaseNote_specialistId_fkey" FOREIGN KEY ("specialistId") REFERENCES "Specialist"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CaseNotice" ADD CONSTRAINT "CaseNotice_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "Request"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CaseNotice" ADD CONSTRAINT "CaseNotice_specialistId_fkey" FOREIGN KEY ("specialistId") REFERENCES "Specialist"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DeadlineAlert" ADD CONSTRAINT "DeadlineAlert_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "Request"("id") ON DELETE CASCADE ON UPDATE CASCADE;
