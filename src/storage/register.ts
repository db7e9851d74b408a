// The register's cases of one centre received in a period, for the export. Selects exactly what a
// register row shows: never the reporter's handle or the continuation secret; the address is
// decrypted only when the export asks for it (and the script checked the caller may).
import type { RegisterCase } from '../core/casework/register-export.js';
import type { HandleCipher } from '../crypto/handle-cipher.js';
import { fieldColumns, toFields, toNotice } from './casework.js';
import type { Db } from './prisma.js';
import { caseColumns, toCaseView } from './rows.js';

export async function loadRegister(
  db: Db,
  query: { centreId: string; from: Date; to: Date },
  addresses: HandleCipher | null,
): Promise<RegisterCase[]> {
  const rows = await db.request.findMany({
    where: { centreId: query.centreId, createdAt: { gte: query.from, lt: query.to } },
    orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
    select: {
      ...caseColumns,
      closedAt: true,
      ...fieldColumns,
      caseNotices: { orderBy: [{ sentAt: 'asc' }, { id: 'asc' }] },
    },
  });
  return rows.map((row) => ({
    request: toCaseView(row),
    fields: toFields(row),
    notices: row.caseNotices.map(toNotice),
    closedAt: row.closedAt,
    address: addresses && row.encryptedAddress ? addresses.decrypt(row.encryptedAddress) : null,
  }));
}
