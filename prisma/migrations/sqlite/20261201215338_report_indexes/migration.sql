-- CreateIndex
CREATE INDEX "AuditEvent_requestId_action_createdAt_idx" ON "AuditEvent"("requestId", "action", "createdAt");

-- CreateIndex
CREATE INDEX "AuditEvent_action_createdAt_idx" ON "AuditEvent"("action", "createdAt");

-- CreateIndex
CREATE INDEX "Request_centreId_createdAt_idx" ON "Request"("centreId", "createdAt");

-- CreateIndex
CREATE INDEX "Request_createdAt_idx" ON "Request"("createdAt");

-- CreateIndex
CREATE INDEX "Request_centreId_closedAt_idx" ON "Request"("centreId", "closedAt");

-- CreateIndex
CREATE INDEX "Request_closedAt_idx" ON "Request"("closedAt");
