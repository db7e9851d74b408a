// The centre directory: administrative units, centres and which units each centre serves.
//
// replace() rewrites it in one transaction. Units and coverage are plain reference data and are
// deleted and rewritten. Centres are not: requests, specialists and invites point at them (ON DELETE
// RESTRICT), and their history must survive a new import. So centres are upserted by id; a centre the
// new directory leaves out is deleted only when nothing refers to it, and otherwise retired
// (retiredAt set): it keeps its row, its requests and its specialists, but load() no longer returns
// it, so routing offers it to nobody. A retired centre that comes back in a later import is revived.
import type { AdminUnit, Centre, Directory } from '../core/model.js';
import type { DirectoryRepository } from '../core/ports.js';
import type { Db, DbTx } from './prisma.js';
import { toAdminUnit, toCentre } from './rows.js';

/** Parents before children, so each row's parent already exists when it is written. */
function parentsFirst<T extends { id: string; parentId: string | null }>(rows: readonly T[]): T[] {
  const byId = new Map(rows.map((r) => [r.id, r]));
  const depth = new Map<string, number>();
  const depthOf = (row: T, seen = new Set<string>()): number => {
    const known = depth.get(row.id);
    if (known !== undefined) return known;
    if (seen.has(row.id)) throw new Error(`directory: ${row.id} is its own ancestor`);
    seen.add(row.id);
    const parent = row.parentId === null ? undefined : byId.get(row.parentId);
    const d = parent ? depthOf(parent, seen) + 1 : 0;
    depth.set(row.id, d);
    return d;
  };
  return [...rows].sort((a, b) => depthOf(a) - depthOf(b));
}

const centreData = (c: Centre) => ({
  level: c.level,
  nameUk: c.nameUk,
  nameRu: c.nameRu,
  oblastId: c.oblastId,
  addressUk: c.addressUk,
  addressRu: c.addressRu,
  phone: c.phone,
  email: c.email,
  hoursUk: c.hoursUk,
  hoursRu: c.hoursRu,
  lat: c.lat,
  lon: c.lon,
  needsConfirmation: c.needsConfirmation,
  parentId: c.parentId,
  retiredAt: null,
});

async function writeUnits(tx: DbTx, units: readonly AdminUnit[]): Promise<void> {
  await tx.centreCoverage.deleteMany();
  await tx.adminUnit.deleteMany();
  if (units.length > 0) await tx.adminUnit.createMany({ data: parentsFirst(units).map((u) => ({ ...u })) });
}

/** The contact fields a centre admin may edit in the console (see updateContacts). */
const CONTACT_FIELDS = [
  'phone',
  'email',
  'addressUk',
  'addressRu',
  'hoursUk',
  'hoursRu',
  'languages',
] as const;
type ContactField = (typeof CONTACT_FIELDS)[number];

const editedFields = (list: string): ContactField[] =>
  list.split(',').filter((f): f is ContactField => (CONTACT_FIELDS as readonly string[]).includes(f));

/**
 * What an import writes over an existing centre: everything from the file except the contact fields
 * its admin changed in the console (theirs, and newer than the file); once an admin has confirmed
 * the contacts in the console, the file's "needs confirmation" no longer applies.
 */
function importedOver(
  data: ReturnType<typeof centreData>,
  existing: { contactsEditedFields: string; contactsConfirmedAt: Date | null } | undefined,
) {
  if (!existing) return data;
  const kept: Record<string, unknown> = { ...data };
  for (const field of editedFields(existing.contactsEditedFields)) delete kept[field];
  if (existing.contactsConfirmedAt) kept.needsConfirmation = false;
  return kept;
}

async function writeCentres(tx: DbTx, centres: readonly Centre[], now: Date): Promise<void> {
  const existing = new Map(
    (
      await tx.centre.findMany({
        select: { id: true, contactsEditedFields: true, contactsConfirmedAt: true },
      })
    ).map((row) => [row.id, row]),
  );
  for (const centre of parentsFirst(centres)) {
    const data = centreData(centre);
    await tx.centre.upsert({
      where: { id: centre.id },
      create: { id: centre.id, ...data, createdAt: now, updatedAt: now },
      update: { ...importedOver(data, existing.get(centre.id)), updatedAt: now },
    });
  }
  const keep = centres.map((c) => c.id);
  const referenced = {
    OR: [{ requests: { some: {} } }, { specialists: { some: {} } }, { invites: { some: {} } }],
  };
  await tx.centre.updateMany({
    where: { id: { notIn: keep }, retiredAt: null, ...referenced },
    data: { retiredAt: now },
  });
  await tx.centre.deleteMany({ where: { id: { notIn: keep }, NOT: referenced } });
  const coverage = centres.flatMap((c) =>
    [...new Set(c.coverage)].map((unitId) => ({ centreId: c.id, unitId })),
  );
  if (coverage.length > 0) await tx.centreCoverage.createMany({ data: coverage });
}

/** Clear messages for what the foreign keys would otherwise reject with a bare constraint name. */
function checkReferences({ units, centres }: Directory): void {
  const unitIds = new Set(units.map((u) => u.id));
  const centreIds = new Set(centres.map((c) => c.id));
  const problems = [
    ...units
      .filter((u) => u.parentId !== null && !unitIds.has(u.parentId))
      .map((u) => `unit ${u.id}: unknown parent ${u.parentId}`),
    ...centres
      .filter((c) => c.parentId !== null && !centreIds.has(c.parentId))
      .map((c) => `centre ${c.id}: unknown parent ${c.parentId}`),
    ...centres.flatMap((c) =>
      c.coverage.filter((id) => !unitIds.has(id)).map((id) => `centre ${c.id}: unknown unit ${id}`),
    ),
  ];
  if (problems.length > 0) throw new Error(`directory not saved:\n  ${problems.slice(0, 20).join('\n  ')}`);
}

/** The one row of DirectoryVersion. */
const CURRENT = 'current';

export function directoryRepository(db: Db, clock: () => Date): DirectoryRepository {
  return {
    async load() {
      const [units, centres] = await Promise.all([
        db.adminUnit.findMany({ orderBy: { id: 'asc' } }),
        db.centre.findMany({
          where: { retiredAt: null },
          orderBy: { id: 'asc' },
          include: { coverage: { select: { unitId: true } } },
        }),
      ]);
      return { units: units.map(toAdminUnit), centres: centres.map(toCentre) };
    },

    async version() {
      const row = await db.directoryVersion.findFirst({ where: { id: CURRENT }, select: { version: true } });
      return row?.version ?? 0;
    },

    async replace(directory: Directory) {
      checkReferences(directory);
      // Hundreds of rows in one transaction: far beyond the 5 s default on a slow disk.
      await db.$transaction(
        async (tx) => {
          const now = clock();
          await writeUnits(tx, directory.units);
          await writeCentres(tx, directory.centres, now);
          await tx.directoryVersion.upsert({
            where: { id: CURRENT },
            create: { id: CURRENT, version: 1, importedAt: now },
            update: { version: { increment: 1 }, importedAt: now },
          });
        },
        { maxWait: 15_000, timeout: 120_000 },
      );
    },

    // Remembers which fields the admin actually changed, so that a later import keeps them.
    async updateContacts(centreId, { languages, ...contacts }) {
      return db.$transaction(async (tx) => {
        const current = await tx.centre.findFirst({ where: { id: centreId, retiredAt: null } });
        if (!current) return false;
        const next = { ...contacts, languages: languages.join(',') };
        const changed = CONTACT_FIELDS.filter((f) => (current[f] ?? '') !== (next[f] ?? ''));
        const edited = [...new Set([...editedFields(current.contactsEditedFields), ...changed])];
        await tx.centre.update({
          where: { id: centreId },
          data: {
            ...next,
            needsConfirmation: false,
            contactsEditedFields: edited.join(','),
            contactsConfirmedAt: clock(),
          },
        });
        return true;
      });
    },
  };
}
