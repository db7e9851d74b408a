-- AlterTable
ALTER TABLE "Invite" ADD COLUMN "displayName" TEXT;
