-- CreateTable
CREATE TABLE "AdminUnit" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "parentId" TEXT,
    "level" TEXT NOT NULL,
    "nameUk" TEXT NOT NULL,
    "nameRu" TEXT NOT NULL,
    "lat" REAL,
    "lon" REAL,
    CONSTRAINT "AdminUnit_parentId_fkey" FOREIGN KEY ("parentId") REFERENCES "AdminUnit" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Centre" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "level" TEXT NOT NULL,
    "nameUk" TEXT NOT NULL,
    "nameRu" TEXT NOT NULL,
    "oblastId" TEXT NOT NULL,
    "addressUk" TEXT,
    "addressRu" TEXT,
    "phone" TEXT,
    "email" TEXT,
    "hoursUk" TEXT,
    "hoursRu" TEXT,
    "lat" REAL NOT NULL,
    "lon" REAL NOT NULL,
    "needsConfirmation" BOOLEAN NOT NULL DEFAULT true,
    "retiredAt" DATETIME,
    "parentId" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Centre_parentId_fkey" FOREIGN KEY ("parentId") REFERENCES "Centre" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "CentreCoverage" (
    "centreId" TEXT NOT NULL,
    "unitId" TEXT NOT NULL,

    PRIMARY KEY ("centreId", "unitId"),
    CONSTRAINT "CentreCoverage_centreId_fkey" FOREIGN KEY ("centreId") REFERENCES "Centre" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "CentreCoverage_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "AdminUnit" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ChatHandle" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "channel" TEXT NOT NULL,
    "lookupHash" TEXT NOT NULL,
    "encryptedId" TEXT NOT NULL,
    "locale" TEXT NOT NULL DEFAULT 'uk',
    "unsubscribedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "Conversation" (
    "handleId" TEXT NOT NULL PRIMARY KEY,
    "state" TEXT NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 0,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Conversation_handleId_fkey" FOREIGN KEY ("handleId") REFERENCES "ChatHandle" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ProcessedUpdate" (
    "channel" TEXT NOT NULL,
    "updateId" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,

    PRIMARY KEY ("channel", "updateId")
);

-- CreateTable
CREATE TABLE "Specialist" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "centreId" TEXT NOT NULL,
    "role" TEXT NOT NULL DEFAULT 'SPECIALIST',
    "displayName" TEXT NOT NULL,
    "languages" TEXT NOT NULL DEFAULT 'uk,ru',
    "active" BOOLEAN NOT NULL DEFAULT true,
    "handleId" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Specialist_centreId_fkey" FOREIGN KEY ("centreId") REFERENCES "Centre" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Specialist_handleId_fkey" FOREIGN KEY ("handleId") REFERENCES "ChatHandle" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Invite" (
    "codeHash" TEXT NOT NULL PRIMARY KEY,
    "centreId" TEXT NOT NULL,
    "role" TEXT NOT NULL DEFAULT 'SPECIALIST',
    "expiresAt" DATETIME NOT NULL,
    "usedAt" DATETIME,
    "usedById" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Invite_centreId_fkey" FOREIGN KEY ("centreId") REFERENCES "Centre" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Request" (
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
    "channel" TEXT NOT NULL,
    "unitId" TEXT,
    "approxLat" REAL,
    "approxLon" REAL,
    "description" TEXT NOT NULL,
    "contactPhone" TEXT,
    "contactPreference" TEXT,
    "reporterHandleId" TEXT NOT NULL,
    "continuationHash" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Request_centreId_fkey" FOREIGN KEY ("centreId") REFERENCES "Centre" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Request_claimedById_fkey" FOREIGN KEY ("claimedById") REFERENCES "Specialist" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Request_reporterHandleId_fkey" FOREIGN KEY ("reporterHandleId") REFERENCES "ChatHandle" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Message" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "requestId" TEXT NOT NULL,
    "author" TEXT NOT NULL,
    "specialistId" TEXT,
    "text" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Message_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "Request" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "AuditEvent" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "requestId" TEXT,
    "actorType" TEXT NOT NULL,
    "actorId" TEXT,
    "action" TEXT NOT NULL,
    "detail" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "AuditEvent_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "Request" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "OutboxMessage" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "handleId" TEXT NOT NULL,
    "payload" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'PENDING',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "nextAttemptAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lockedUntil" DATETIME,
    "lastError" TEXT,
    "sentMessageId" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "sentAt" DATETIME,
    CONSTRAINT "OutboxMessage_handleId_fkey" FOREIGN KEY ("handleId") REFERENCES "ChatHandle" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "AdminUnit_parentId_idx" ON "AdminUnit"("parentId");

-- CreateIndex
CREATE INDEX "CentreCoverage_unitId_idx" ON "CentreCoverage"("unitId");

-- CreateIndex
CREATE UNIQUE INDEX "ChatHandle_lookupHash_key" ON "ChatHandle"("lookupHash");

-- CreateIndex
CREATE INDEX "ProcessedUpdate_createdAt_idx" ON "ProcessedUpdate"("createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "Specialist_handleId_key" ON "Specialist"("handleId");

-- CreateIndex
CREATE UNIQUE INDEX "Request_caseCode_key" ON "Request"("caseCode");

-- CreateIndex
CREATE INDEX "Request_centreId_status_urgency_createdAt_idx" ON "Request"("centreId", "status", "urgency", "createdAt");

-- CreateIndex
CREATE INDEX "Request_reporterHandleId_idx" ON "Request"("reporterHandleId");

-- CreateIndex
CREATE INDEX "Request_status_leaseExpiresAt_idx" ON "Request"("status", "leaseExpiresAt");

-- CreateIndex
CREATE INDEX "Message_requestId_createdAt_idx" ON "Message"("requestId", "createdAt");

-- CreateIndex
CREATE INDEX "AuditEvent_requestId_createdAt_idx" ON "AuditEvent"("requestId", "createdAt");

-- CreateIndex
CREATE INDEX "OutboxMessage_status_nextAttemptAt_idx" ON "OutboxMessage"("status", "nextAttemptAt");
