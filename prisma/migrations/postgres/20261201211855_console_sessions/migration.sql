-- AlterEnum
ALTER TYPE "SpecialistRole" ADD VALUE 'SUPERVISOR';

-- AlterTable
ALTER TABLE "Centre" ADD COLUMN     "languages" TEXT;

-- CreateTable
CREATE TABLE "StaffLoginToken" (
    "tokenHash" TEXT NOT NULL,
    "specialistId" TEXT NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "usedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "StaffLoginToken_pkey" PRIMARY KEY ("tokenHash")
);

-- CreateTable
CREATE TABLE "StaffSession" (
    "idHash" TEXT NOT NULL,
    "specialistId" TEXT NOT NULL,
    "lastSeenAt" TIMESTAMP(3) NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "StaffSession_pkey" PRIMARY KEY ("idHash")
);

-- CreateIndex
CREATE INDEX "StaffLoginToken_specialistId_idx" ON "StaffLoginToken"("specialistId");

-- CreateIndex
CREATE INDEX "StaffSession_specialistId_idx" ON "StaffSession"("specialistId");

-- AddForeignKey
ALTER TABLE "StaffLoginToken" ADD CONSTRAINT "StaffLoginToken_specialistId_fkey" FOREIGN KEY ("specialistId") REFERENCES "Specialist"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StaffSession" ADD CONSTRAINT "StaffSession_specialistId_fkey" FOREIGN KEY ("specialistId") REFERENCES "Specialist"("id") ON DELETE CASCADE ON UPDATE CASCADE;
