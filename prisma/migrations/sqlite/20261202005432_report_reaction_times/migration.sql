-- DropIndex
DROP INDEX "Request_centreId_closedAt_idx";

-- DropIndex
DROP INDEX "Request_centreId_createdAt_idx";

-- AlterTable
ALTER TABLE "Request" ADD COLUMN "claimSeconds" INTEGER;
ALTER TABLE "Request" ADD COLUMN "closeSeconds" INTEGER;
ALTER TABLE "Request" ADD COLUMN "firstAnswerSeconds" INTEGER;
ALTER TABLE "Request" ADD COLUMN "firstAnsweredAt" DATETIME;
ALTER TABLE "Request" ADD COLUMN "firstClaimedAt" DATETIME;

-- Back-fill (before the indexes, so the update does not maintain them): the first claim and first answer from the audit trail (as the reports computed them
-- before), then each reaction in whole seconds, rounded like Math.round in storage/audit.ts.
UPDATE "Request" SET
  "firstClaimedAt" = (SELECT MIN(a."createdAt") FROM "AuditEvent" a
    WHERE a."requestId" = "Request"."id" AND a."action" = 'request.claimed'),
  "firstAnsweredAt" = (SELECT MIN(a."createdAt") FROM "AuditEvent" a
    WHERE a."requestId" = "Request"."id" AND a."action" = 'request.answered');

UPDATE "Request" SET
  "claimSeconds" = CAST(ROUND((julianday("firstClaimedAt") - julianday("createdAt")) * 86400.0) AS INTEGER),
  "firstAnswerSeconds" = CAST(ROUND((julianday("firstAnsweredAt") - julianday("createdAt")) * 86400.0) AS INTEGER),
  "closeSeconds" = CAST(ROUND((julianday("closedAt") - julianday("createdAt")) * 86400.0) AS INTEGER);

-- CreateIndex
CREATE INDEX "CaseNotice_requestId_recipient_sentAt_idx" ON "CaseNotice"("requestId", "recipient", "sentAt");

-- CreateIndex
CREATE INDEX "Request_centreId_kind_category_channel_language_urgency_unitId_reporterPriorRequests_createdAt_idx" ON "Request"("centreId", "kind", "category", "channel", "language", "urgency", "unitId", "reporterPriorRequests", "createdAt");

-- CreateIndex
CREATE INDEX "Request_centreId_createdAt_kind_claimSeconds_firstAnswerSeconds_category_caseCategory_urgency_outcome_assessedAt_id_idx" ON "Request"("centreId", "createdAt", "kind", "claimSeconds", "firstAnswerSeconds", "category", "caseCategory", "urgency", "outcome", "assessedAt", "id");

-- CreateIndex
CREATE INDEX "Request_centreId_closedAt_createdAt_closeSeconds_idx" ON "Request"("centreId", "closedAt", "createdAt", "closeSeconds");

-- CreateIndex
CREATE INDEX "Request_centreId_outcome_closedAt_idx" ON "Request"("centreId", "outcome", "closedAt");

-- CreateIndex
CREATE INDEX "Request_centreId_claimSeconds_createdAt_idx" ON "Request"("centreId", "claimSeconds", "createdAt");

-- CreateIndex
CREATE INDEX "Request_centreId_firstAnswerSeconds_createdAt_idx" ON "Request"("centreId", "firstAnswerSeconds", "createdAt");

-- CreateIndex
CREATE INDEX "Request_centreId_closeSeconds_closedAt_idx" ON "Request"("centreId", "closeSeconds", "closedAt");
