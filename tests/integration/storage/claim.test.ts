// Fifty specialists press "claim" on the same request at the same moment: exactly one gets it.
// The claimants are spread over five separate processes, each with its own store and connection, as
// five app instances would be; so the guarantee is the database's, not one connection's queue.
import { type ChildProcess, fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { CaseView } from '../../../src/core/model.js';
import { createStore, type StoreWithDatabase } from '../../../src/storage/store.js';
import { describeBackends } from '../../helpers/db.js';
import { addReporter, addSpecialists, caseCode, directory, newRequest } from './fixtures.js';

const CLAIMS = 50;
const PROCESSES = 5;
const workerFile = fileURLToPath(new URL('./claim-worker.ts', import.meta.url));

type Outcome = { specialistId: string; won: boolean } | { specialistId: string; error: string };

function startWorker(databaseUrl: string): Promise<ChildProcess> {
  const child = fork(workerFile, [databaseUrl], { execArgv: ['--import', 'tsx'], stdio: 'inherit' });
  return new Promise((resolve, reject) => {
    child.once('message', () => resolve(child));
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`claim worker exited early (${code})`)));
  });
}

function race(workers: ChildProcess[], requestId: string, specialists: string[]): Promise<Outcome[]> {
  return Promise.all(
    workers.map(
      (worker, w) =>
        new Promise<Outcome[]>((resolve) => {
          worker.once('message', (m: { results: Outcome[] }) => resolve(m.results));
          worker.send({ requestId, specialists: specialists.filter((_, i) => i % workers.length === w) });
        }),
    ),
  ).then((parts) => parts.flat());
}

describeBackends('fifty concurrent claims of one request', (backend) => {
  let store: StoreWithDatabase;
  let specialists: string[] = [];
  let workers: ChildProcess[] = [];

  beforeAll(async () => {
    store = createStore(backend.url, { maxConnections: 4 });
    await store.directory.replace(directory);
    specialists = await addSpecialists(store.database.prisma, 'sloviansk-centre', CLAIMS);
    workers = await Promise.all(Array.from({ length: PROCESSES }, () => startWorker(backend.url)));
  }, 60_000);
  afterAll(async () => {
    for (const worker of workers) {
      worker.removeAllListeners('exit');
      worker.send('exit');
    }
    await store.close();
  });

  async function openRequest(): Promise<CaseView> {
    const reporter = await addReporter(store.database.prisma);
    const request = await store.requests.create({
      ...newRequest(reporter),
      caseCode: caseCode(),
      continuationHash: null,
    });
    if (!request) throw new Error('request not created');
    return request;
  }

  it('has exactly one winner across five processes, recorded once', async () => {
    const request = await openRequest();

    const outcomes = await race(workers, request.id, specialists);

    expect(outcomes).toHaveLength(CLAIMS);
    expect(outcomes.filter((o) => 'error' in o)).toEqual([]);
    const winners = outcomes.filter((o) => 'won' in o && o.won).map((o) => o.specialistId);
    expect(winners).toHaveLength(1);
    const stored = await store.requests.findById(request.id);
    expect(stored).toMatchObject({ status: 'CLAIMED', claimedById: winners[0] });
    const audit = await store.database.prisma.auditEvent.findMany({ where: { requestId: request.id } });
    expect(audit.map((a) => [a.action, a.actorId])).toEqual([['CLAIM', winners[0]]]);
  });

  it('stays exclusive race after race (ten more requests)', async () => {
    for (let round = 0; round < 10; round++) {
      const request = await openRequest();
      const outcomes = await race(workers, request.id, specialists);
      expect(outcomes.filter((o) => 'error' in o)).toEqual([]);
      expect(outcomes.filter((o) => 'won' in o && o.won)).toHaveLength(1);
    }
  });

  it('has exactly one winner when several stores in one process race too', async () => {
    // Several stores on one SQLite file in one process share a lock instead of stalling each other.
    const local = Array.from({ length: PROCESSES }, () => createStore(backend.url, { maxConnections: 4 }));
    try {
      const request = await openRequest();
      const now = new Date();
      const results = await Promise.all(
        specialists.map((id, i) =>
          (local[i % local.length] as StoreWithDatabase).transaction((tx) =>
            tx.requests.update(
              request.id,
              { statuses: ['NEW'], claimedById: null },
              { status: 'CLAIMED', claimedById: id, claimedAt: now },
            ),
          ),
        ),
      );
      expect(results.filter((r) => r !== null)).toHaveLength(1);
    } finally {
      await Promise.all(local.map((s) => s.close()));
    }
  });
});
