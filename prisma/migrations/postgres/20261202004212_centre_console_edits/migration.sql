-- AlterTable
ALTER TABLE "Centre" ADD COLUMN     "contactsConfirmedAt" TIMESTAMP(3),
ADD COLUMN     "contactsEditedFields" TEXT NOT NULL DEFAULT '';
