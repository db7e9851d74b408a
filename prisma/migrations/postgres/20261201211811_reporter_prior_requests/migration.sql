-- AlterTable
ALTER TABLE "Request" ADD COLUMN     "reporterPriorRequests" INTEGER;

-- Backfill: requests made before this column existed get the count of earlier requests from the same chat.
UPDATE "Request" SET "reporterPriorRequests" = (
  SELECT COUNT(*) FROM "Request" AS "earlier"
  WHERE "earlier"."reporterHandleId" = "Request"."reporterHandleId"
    AND ("earlier"."createdAt" < "Request"."createdAt"
      OR ("earlier"."createdAt" = "Request"."createdAt" AND "earlier"."id" < "Request"."id"))
);
