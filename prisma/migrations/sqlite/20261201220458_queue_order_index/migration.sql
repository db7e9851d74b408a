-- DropIndex
DROP INDEX "Request_centreId_status_urgency_createdAt_idx";

-- CreateIndex
CREATE INDEX "Request_centreId_status_urgency_createdAt_id_idx" ON "Request"("centreId", "status", "urgency" DESC, "createdAt", "id");
