-- AlterTable
ALTER TABLE "OutboxMessage" ADD COLUMN     "holdWhileUnreachable" BOOLEAN NOT NULL DEFAULT false;
