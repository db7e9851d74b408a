-- DropIndex
DROP INDEX "AuditEvent_action_createdAt_idx";

-- AlterTable
ALTER TABLE "AuditEvent" ADD COLUMN "countedAtCentreId" TEXT;

-- Back-fill (by hand): the centre each past escalation and lapsed lease counts at, as the reports
-- read it from the JSON detail until now.
UPDATE "AuditEvent" SET "countedAtCentreId" = json_extract("detail", '$.fromCentreId')
WHERE "action" = 'request.escalated';
UPDATE "AuditEvent" SET "countedAtCentreId" =
  (SELECT s."centreId" FROM "Specialist" s WHERE s."id" = json_extract("detail", '$.specialistId'))
WHERE "action" = 'request.lease_expired';

-- CreateIndex
CREATE INDEX "AuditEvent_action_createdAt_countedAtCentreId_idx" ON "AuditEvent"("action", "createdAt", "countedAtCentreId");
