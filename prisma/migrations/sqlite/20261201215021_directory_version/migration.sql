-- CreateTable
CREATE TABLE "DirectoryVersion" (
    "id" TEXT NOT NULL PRIMARY KEY DEFAULT 'current',
    "version" INTEGER NOT NULL DEFAULT 0,
    "importedAt" DATETIME NOT NULL
);
