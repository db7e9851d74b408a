// A small world to test storage in: one oblast with two centres, reporters, specialists.
import type { Directory, NewRequest } from '../../../src/core/model.js';
import type { Db } from '../../../src/storage/prisma.js';

export const directory: Directory = {
  units: [
    {
      id: 'donetska',
      parentId: null,
      level: 'OBLAST',
      nameUk: 'Донецька',
      nameRu: 'Донецкая',
      lat: 48.0,
      lon: 37.8,
    },
    {
      id: 'donetska/kramatorskyi',
      parentId: 'donetska',
      level: 'DISTRICT',
      nameUk: 'Краматорський',
      nameRu: 'Краматорский',
      lat: null,
      lon: null,
    },
    {
      id: 'donetska/kramatorskyi/sloviansk',
      parentId: 'donetska/kramatorskyi',
      level: 'HROMADA',
      nameUk: "Слов'янська",
      nameRu: 'Славянская',
      lat: 48.85,
      lon: 37.6,
    },
  ],
  centres: [
    {
      id: 'oblast-centre',
      level: 'OBLAST',
      nameUk: 'Обласний центр',
      nameRu: 'Областной центр',
      oblastId: 'donetska',
      addressUk: null,
      addressRu: null,
      phone: '+380000000000',
      email: null,
      hoursUk: null,
      hoursRu: null,
      lat: 48.7,
      lon: 37.5,
      needsConfirmation: true,
      parentId: null,
      coverage: ['donetska'],
    },
    {
      id: 'sloviansk-centre',
      level: 'HROMADA',
      nameUk: "Слов'янський центр",
      nameRu: 'Славянский центр',
      oblastId: 'donetska',
      addressUk: 'вул. Центральна, 1',
      addressRu: 'ул. Центральная, 1',
      phone: null,
      email: 'sloviansk@example.org',
      hoursUk: 'Пн-Пт 9-18',
      hoursRu: 'Пн-Пт 9-18',
      lat: 48.85,
      lon: 37.6,
      needsConfirmation: false,
      parentId: 'oblast-centre',
      coverage: ['donetska/kramatorskyi', 'donetska/kramatorskyi/sloviansk'],
    },
  ],
};

let counter = 0;
const unique = (prefix: string) =>
  `${prefix}-${process.pid}-${++counter}-${Math.random().toString(36).slice(2, 8)}`;

export async function addReporter(prisma: Db): Promise<string> {
  const row = await prisma.chatHandle.create({
    data: { channel: 'TELEGRAM', lookupHash: unique('hash'), encryptedId: 'ciphertext' },
  });
  return row.id;
}

export async function addSpecialists(prisma: Db, centreId: string, count: number): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < count; i++) {
    ids.push((await prisma.specialist.create({ data: { centreId, displayName: `Фахівець ${i + 1}` } })).id);
  }
  return ids;
}

export const caseCode = () => unique('K').toUpperCase();

export function newRequest(reporterHandleId: string, overrides: Partial<NewRequest> = {}): NewRequest {
  return {
    kind: 'CONCERN',
    category: 'NEGLECT',
    urgency: 'NORMAL',
    centreId: 'sloviansk-centre',
    language: 'uk',
    channel: 'TELEGRAM',
    unitId: 'donetska/kramatorskyi/sloviansk',
    approxLocation: { lat: 48.85, lon: 37.61 },
    description: 'Дитина сама вдома третій день',
    contactPhone: null,
    contactPreference: null,
    reporterHandleId,
    ...overrides,
  };
}
