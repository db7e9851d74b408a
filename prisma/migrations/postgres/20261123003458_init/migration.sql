-- CreateEnum
CREATE TYPE "AdminLevel" AS ENUM ('OBLAST', 'DISTRICT', 'HROMADA');

-- CreateEnum
CREATE TYPE "CentreLevel" AS ENUM ('OBLAST', 'DISTRICT', 'CITY', 'HROMADA');

-- CreateEnum
CREATE TYPE "RequestKind" AS ENUM ('CONCERN', 'CONSULTATION');

-- CreateEnum
CREATE TYPE "Urgency" AS ENUM ('NORMAL', 'URGENT');

-- CreateEnum
CREATE TYPE "RequestStatus" AS ENUM ('NEW', 'CLAIMED', 'ANSWERED', 'ESCALATED', 'CLOSED');

-- CreateEnum
CREATE TYPE "SpecialistRole" AS ENUM ('SPECIALIST', 'ADMIN');

-- CreateEnum
CREATE TYPE "MessageAuthor" AS ENUM ('REPORTER', 'SPECIALIST', 'SYSTEM');

-- CreateEnum
CREATE TYPE "ActorType" AS ENUM ('SYSTEM', 'SPECIALIST', 'REPORTER');

-- CreateEnum
CREATE TYPE "Channel" AS ENUM ('TELEGRAM', 'VIBER');

-- CreateTable
CREATE TABLE "AdminUnit" (
    "id" TEXT NOT NULL,
    "parentId" TEXT,
    "level" "AdminLevel" NOT NULL,
    "nameUk" TEXT NOT NULL,
    "nameRu" TEXT NOT NULL,
    "lat" DOUBLE PRECISION,
    "lon" DOUBLE PRECISION,

    CONSTRAINT "AdminUnit_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Centre" (
    "id" TEXT NOT NULL,
    "level" "CentreLevel" NOT NULL,
    "nameUk" TEXT NOT NULL,
    "nameRu" TEXT NOT NULL,
    "oblastId" TEXT NOT NULL,
    "addressUk" TEXT,
    "addressRu" TEXT,
    "phone" TEXT,
    "email" TEXT,
    "hoursUk" TEXT,
    "hoursRu" TEXT,
    "lat" DOUBLE PRECISION NOT NULL,
    "lon" DOUBLE PRECISION NOT NULL,
    "needsConfirmation" BOOLEAN NOT NULL DEFAULT true,
    "retiredAt" TIMESTAMP(3),
    "parentId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Centre_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CentreCoverage" (
    "centreId" TEXT NOT NULL,
    "unitId" TEXT NOT NULL,

    CONSTRAINT "CentreCoverage_pkey" PRIMARY KEY ("centreId","unitId")
);

-- CreateTable
CREATE TABLE "ChatHandle" (
    "id" TEXT NOT NULL,
    "channel" "Channel" NOT NULL,
    "lookupHash" TEXT NOT NULL,
    "encryptedId" TEXT NOT NULL,
    "locale" TEXT NOT NULL DEFAULT 'uk',
    "unsubscribedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ChatHandle_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Conversation" (
    "handleId" TEXT NOT NULL,
    "state" TEXT NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 0,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Conversation_pkey" PRIMARY KEY ("handleId")
);

-- CreateTable
CREATE TABLE "ProcessedUpdate" (
    "channel" "Channel" NOT NULL,
    "updateId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ProcessedUpdate_pkey" PRIMARY KEY ("channel","updateId")
);

-- CreateTable
CREATE TABLE "Specialist" (
    "id" TEXT NOT NULL,
    "centreId" TEXT NOT NULL,
    "role" "SpecialistRole" NOT NULL DEFAULT 'SPECIALIST',
    "displayName" TEXT NOT NULL,
    "languages" TEXT NOT NULL DEFAULT 'uk,ru',
    "active" BOOLEAN NOT NULL DEFAULT true,
    "handleId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Specialist_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Invite" (
    "codeHash" TEXT NOT NULL,
    "centreId" TEXT NOT NULL,
    "role" "SpecialistRole" NOT NULL DEFAULT 'SPECIALIST',
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "usedAt" TIMESTAMP(3),
    "usedById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Invite_pkey" PRIMARY KEY ("codeHash")
);

-- CreateTable
CREATE TABLE "Request" (
    "id" TEXT NOT NULL,
    "caseCode" TEXT NOT NULL,
    "kind" "RequestKind" NOT NULL,
    "category" TEXT NOT NULL,
    "urgency" "Urgency" NOT NULL DEFAULT 'NORMAL',
    "status" "RequestStatus" NOT NULL DEFAULT 'NEW',
    "centreId" TEXT NOT NULL,
    "claimedById" TEXT,
    "claimedAt" TIMESTAMP(3),
    "leaseExpiresAt" TIMESTAMP(3),
    "escalationLevel" INTEGER NOT NULL DEFAULT 0,
    "escalatedAt" TIMESTAMP(3),
    "outcome" TEXT,
    "closedAt" TIMESTAMP(3),
    "language" TEXT NOT NULL,
    "channel" "Channel" NOT NULL,
    "unitId" TEXT,
    "approxLat" DOUBLE PRECISION,
    "approxLon" DOUBLE PRECISION,
    "description" TEXT NOT NULL,
    "contactPhone" TEXT,
    "contactPreference" TEXT,
    "reporterHandleId" TEXT NOT NULL,
    "continuationHash" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Request_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Message" (
    "id" TEXT NOT NULL,
    "requestId" TEXT NOT NULL,
    "author" "MessageAuthor" NOT NULL,
    "specialistId" TEXT,
    "text" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Message_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AuditEvent" (
    "id" TEXT NOT NULL,
    "requestId" TEXT,
    "actorType" "ActorType" NOT NULL,
    "actorId" TEXT,
    "action" TEXT NOT NULL,
    "detail" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AuditEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "OutboxMessage" (
    "id" TEXT NOT NULL,
    "handleId" TEXT NOT NULL,
    "payload" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'PENDING',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "nextAttemptAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lockedUntil" TIMESTAMP(3),
    "lastError" TEXT,
    "sentMessageId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "sentAt" TIMESTAMP(3),

    CONSTRAINT "OutboxMessage_pkey" PRIMARY KEY ("id")
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

-- AddForeignKey
ALTER TABLE "AdminUnit" ADD CONSTRAINT "AdminUnit_parentId_fkey" FOREIGN KEY ("parentId") REFERENCES "AdminUnit"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Centre" ADD CONSTRAINT "Centre_parentId_fkey" FOREIGN KEY ("parentId") REFERENCES "Centre"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CentreCoverage" ADD CONSTRAINT "CentreCoverage_centreId_fkey" FOREIGN KEY ("centreId") REFERENCES "Centre"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CentreCoverage" ADD CONSTRAINT "CentreCoverage_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "AdminUnit"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Conversation" ADD CONSTRAINT "Conversation_handleId_fkey" FOREIGN KEY ("handleId") REFERENCES "ChatHandle"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Specialist" ADD CONSTRAINT "Specialist_centreId_fkey" FOREIGN KEY ("centreId") REFERENCES "Centre"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Specialist" ADD CONSTRAINT "Specialist_handleId_fkey" FOREIGN KEY ("handleId") REFERENCES "ChatHandle"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Invite" ADD CONSTRAINT "Invite_centreId_fkey" FOREIGN KEY ("centreId") REFERENCES "Centre"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Request" ADD CONSTRAINT "Request_centreId_fkey" FOREIGN KEY ("centreId") REFERENCES "Centre"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Request" ADD CONSTRAINT "Request_claimedById_fkey" FOREIGN KEY ("claimedById") REFERENCES "Specialist"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Request" ADD CONSTRAINT "Request_reporterHandleId_fkey" FOREIGN KEY ("reporterHandleId") REFERENCES "ChatHandle"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Message" ADD CONSTRAINT "Message_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "Request"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AuditEvent" ADD CONSTRAINT "AuditEvent_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "Request"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OutboxMessage" ADD CONSTRAINT "OutboxMessage_handleId_fkey" FOREIGN KEY ("handleId") REFERENCES "ChatHandle"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
