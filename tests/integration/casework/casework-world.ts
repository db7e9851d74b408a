// The queue tests' world plus what casework needs: a handle key (addresses are encrypted), an admin
// of the hromada centre and of the oblast centre, the policy, and contexts for the core services.
import { randomBytes } from 'node:crypto';
import { DEFAULT_CASEWORK_POLICY } from '../../../src/core/casework/deadlines.js';
import type { StaffActor } from '../../../src/core/casework/model.js';
import type { CaseworkContext } from '../../../src/core/casework/service.js';
import type { Directory } from '../../../src/core/model.js';
import type { Repositories } from '../../../src/core/ports/index.js';
import { createHandleCipher } from '../../../src/crypto/handle-cipher.js';
import { buildWorld, type World } from '../queue/world.js';

export interface CaseworkWorld extends World {
  olenaActor: StaffActor;
  tarasActor: StaffActor;
  districtActor: StaffActor;
  hromadaAdmin: StaffActor;
  oblastAdmin: StaffActor;
  directory: Directory;
  /** The handle key (hex) that encrypts chats and addresses in this world. */
  handleKey: string;
  /** Runs core casework services in one transaction at the clock's present. */
  inTx<T>(work: (ctx: CaseworkContext) => Promise<T>): Promise<T>;
  /** A request claimed by Olena and answered once (the reporter has heard from the centre). */
  answeredCase(overrides?: Parameters<World['newRequest']>[0]): Promise<string>;
}

export async function buildCaseworkWorld(url: string): Promise<CaseworkWorld> {
  const key = randomBytes(32);
  const w = await buildWorld(url, { cipher: createHandleCipher(key) });
  const { prisma } = w.store.database;
  const admin = async (centreId: string, displayName: string): Promise<StaffActor> => {
    const handle = await prisma.chatHandle.create({
      data: { channel: 'TELEGRAM', lookupHash: `admin-${centreId}-${Math.random()}`, encryptedId: 'x' },
    });
    const row = await prisma.specialist.create({
      data: { centreId, displayName, role: 'ADMIN', handleId: handle.id },
    });
    return { id: row.id, centreId, role: 'ADMIN' };
  };
  const staff = (ref: { id: string; centreId: string }): StaffActor => ({ ...ref, role: 'SPECIALIST' });
  const directory = await w.store.directory.load();
  const inTx = <T>(work: (ctx: CaseworkContext) => Promise<T>) =>
    w.store.transaction((tx: Repositories) =>
      work({ tx, now: w.clock.now(), policy: DEFAULT_CASEWORK_POLICY, directory: () => directory }),
    );
  return {
    ...w,
    olenaActor: staff(w.olena),
    tarasActor: staff(w.taras),
    districtActor: staff(w.district),
    hromadaAdmin: await admin('hromada', 'Керівниця центру'),
    oblastAdmin: await admin('oblast', 'Обласний центр'),
    directory,
    handleKey: key.toString('hex'),
    inTx,
    async answeredCase(overrides = {}) {
      const { request } = await w.queue.enqueue(w.newRequest(overrides));
      const claimed = await w.queue.claim(request.id, w.olena);
      if (!claimed.ok) throw new Error(`claim failed: ${claimed.error.code}`);
      const answered = await w.queue.answer(
        request.id,
        w.olena,
        'Добрий день, ми отримали ваше повідомлення.',
      );
      if (!answered.ok) throw new Error(`answer failed: ${answered.error.code}`);
      // Time passes between the report and what the specialist records.
      w.clock.advanceMinutes(10);
      return request.id;
    },
  };
}
