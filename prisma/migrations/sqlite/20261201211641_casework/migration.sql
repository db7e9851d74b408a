-- CreateTable
CREATE TABLE "CaseNote" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "requestId" TEXT NOT NULL,
    "specialistId" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "CaseNote_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "Request" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "CaseNote_specialistId_fkey" FOREIGN KEY ("specialistId") REFERENCES "Specialist" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "CaseNotice" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "requestId" TEXT NOT NULL,
    "recipient" TEXT NOT NULL,
    "recipientName" TEXT,
    "way" TEXT NOT NULL,
    "sentAt" DATETIME NOT NULL,
    "specialistId" TEXT NOT NULL,
    "reference" TEXT,
    "acknowledgedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "CaseNotice_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "Request" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "CaseNotice_specialistId_fkey" FOREIGN KEY ("specialistId") REFERENCES "Specialist" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "DeadlineAlert" (
    "requestId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "level" INTEGER NOT NULL,
    "dueAt" DATETIME NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,

    PRIMARY KEY ("requestId", "kind", "level"),
    CONSTRAINT "DeadlineAlert_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "Request" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ReferralContact" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "oblastId" TEXT NOT NULL,
    "recipient" TEXT NOT NULL,
    "nameUk" TEXT NOT NULL,
    "nameRu" TEXT NOT NULL,
    "phone" TEXT,
    "email" TEXT,
    "addressUk" TEXT,
    "addressRu" TEXT
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Request" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "caseCode" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "category" TEXT NOT NULL,
    "urgency" TEXT NOT NULL DEFAULT 'NORMAL',
    "status" TEXT NOT NULL DEFAULT 'NEW',
    "centreId" TEXT NOT NULL,
    "claimedById" TEXT,
    "claimedAt" DATETIME,
    "leaseExpiresAt" DATETIME,
    "escalationLevel" INTEGER NOT NULL DEFAULT 0,
    "escalatedAt" DATETIME,
    "outcome" TEXT,
    "closedAt" DATETIME,
    "language" TEXT NOT NULL,
    "channel" TEXT,
    "unitId" TEXT,
    "approxLat" REAL,
    "approxLon" REAL,
    "description" TEXT NOT NULL,
    "contactPhone" TEXT,
    "contactPreference" TEXT,
    "reporterHandleId" TEXT,
    "continuationHash" TEXT,
    "intakeSource" TEXT,
    "caseCategory" TEXT,
    "riskLevel" TEXT,
    "childAge" TEXT,
    "childSex" TEXT,
    "encryptedAddress" TEXT,
    "assessedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Request_centreId_fkey" FOREIGN KEY ("centreId") REFERENCES "Centre" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Request_claimedById_fkey" FOREIGN KEY ("claimedById") REFERENCES "Specialist" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Request_reporterHandleId_fkey" FOREIGN KEY ("reporterHandleId") REFERENCES "ChatHandle" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_Request" ("approxLat", "approxLon", "caseCode", "category", "centreId", "channel", "claimedAt", "claimedById", "closedAt", "contactPhone", "contactPreference", "continuationHash", "createdAt", "description", "escalatedAt", "escalationLevel", "id", "kind", "language", "leaseExpiresAt", "outcome", "reporterHandleId", "status", "unitId", "updatedAt", "urgency") SELECT "approxLat", "approxLon", "caseCode", "category", "centreId", "channel", "claimedAt", "claimedById", "closedAt", "contactPhone", "contactPreference", "continuationHash", "createdAt", "description", "escalatedAt", "escalationLevel", "id", "kind", "language", "leaseExpiresAt", "outcome", "reporterHandleId", "status", "unitId", "updatedAt", "urgency" FROM "Request";
DROP TABLE "Request";
ALTER TABLE "new_Request" RENAME TO "Request";
CREATE UNIQUE INDEX "Request_caseCode_key" ON "Request"("caseCode");
CREATE UNIQUE INDEX "Request_continuationHash_key" ON "Request"("continuationHash");
CREATE INDEX "Request_centreId_status_urgency_createdAt_idx" ON "Request"("centreId", "status", "urgency", "createdAt");
CREATE INDEX "Request_reporterHandleId_idx" ON "Request"("reporterHandleId");
CREATE INDEX "Request_status_leaseExpiresAt_idx" ON "Request"("status", "leaseExpiresAt");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "CaseNote_requestId_createdAt_idx" ON "CaseNote"("requestId", "createdAt");

-- CreateIndex
CREATE INDEX "CaseNotice_requestId_sentAt_idx" ON "CaseNotice"("requestId", "sentAt");

-- CreateIndex
CREATE INDEX "CaseNotice_recipient_sentAt_idx" ON "CaseNotice"("recipient", "sentAt");

-- CreateIndex
CREATE INDEX "ReferralContact_oblastId_recipient_idx" ON "ReferralContact"("oblastId", "recipient");
