-- CreateIndex
CREATE INDEX "CaseNotice_requestId_recipient_sentAt_idx" ON "CaseNotice"("requestId", "recipient", "sentAt");
