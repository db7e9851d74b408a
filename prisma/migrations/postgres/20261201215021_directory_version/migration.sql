-- CreateTable
CREATE TABLE "DirectoryVersion" (
    "id" TEXT NOT NULL DEFAULT 'current',
    "version" INTEGER NOT NULL DEFAULT 0,
    "importedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "DirectoryVersion_pkey" PRIMARY KEY ("id")
);
