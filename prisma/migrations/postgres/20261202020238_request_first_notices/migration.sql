-- DropIndex
DROP INDEX "Request_centreId_createdAt_kind_claimSeconds_firstAnswerSec_idx";

-- AlterTable
ALTER TABLE "Request" ADD COLUMN     "firstChildrenServiceNoticeAt" TIMESTAMP(3),
ADD COLUMN     "firstPoliceNoticeAt" TIMESTAMP(3);

-- Back-fill (before the index, so the update does not maintain it): the first notice to the
-- children's service and to the police, as the reports read them from CaseNotice before.
UPDATE "Request" SET
  "firstChildrenServiceNoticeAt" = (SELECT MIN(n."sentAt") FROM "CaseNotice" n
    WHERE n."requestId" = "Request"."id" AND n."recipient" = 'CHILDREN_SERVICE'),
  "firstPoliceNoticeAt" = (SELECT MIN(n."sentAt") FROM "CaseNotice" n
    WHERE n."requestId" = "Request"."id" AND n."recipient" = 'POLICE')
WHERE "id" IN (SELECT "requestId" FROM "CaseNotice" WHERE "recipient" IN ('CHILDREN_SERVICE', 'POLICE'));

-- CreateIndex
CREATE INDEX "Request_centreId_createdAt_kind_claimSeconds_firstAnswerSec_idx" ON "Request"("centreId", "createdAt", "kind", "claimSeconds", "firstAnswerSeconds", "category", "caseCategory", "urgency", "outcome", "assessedAt", "firstChildrenServiceNoticeAt", "firstPoliceNoticeAt");
