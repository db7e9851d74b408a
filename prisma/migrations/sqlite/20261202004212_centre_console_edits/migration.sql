-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Centre" (
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
    "languages" TEXT,
    "lat" REAL NOT NULL,
    "lon" REAL NOT NULL,
    "needsConfirmation" BOOLEAN NOT NULL DEFAULT true,
    "contactsEditedFields" TEXT NOT NULL DEFAULT '',
    "contactsConfirmedAt" DATETIME,
    "retiredAt" DATETIME,
    "parentId" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Centre_parentId_fkey" FOREIGN KEY ("parentId") REFERENCES "Centre" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_Centre" ("addressRu", "addressUk", "createdAt", "email", "hoursRu", "hoursUk", "id", "languages", "lat", "level", "lon", "nameRu", "nameUk", "needsConfirmation", "oblastId", "parentId", "phone", "retiredAt", "updatedAt") SELECT "addressRu", "addressUk", "createdAt", "email", "hoursRu", "hoursUk", "id", "languages", "lat", "level", "lon", "nameRu", "nameUk", "needsConfirmation", "oblastId", "parentId", "phone", "retiredAt", "updatedAt" FROM "Centre";
DROP TABLE "Centre";
ALTER TABLE "new_Centre" RENAME TO "Centre";
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;
