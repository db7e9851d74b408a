// Scale-out start: two instances started at the same moment on an EMPTY PostgreSQL database. Before
// the start-up lock, both found no centres, both loaded the bundled directory, and one died with
// P2002 on AdminUnit. Now both come up and the directory is written once.
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Writable } from 'node:stream';
import { pino } from 'pino';
import { afterAll, expect, it } from 'vitest';
import { composePoruch, type Poruch } from '../../src/compose.js';
import { configSchema } from '../../src/config.js';
import { loggerOptions } from '../../src/logger.js';
import { describePostgres } from '../helpers/db.js';

const CENTRES_FILE = path.resolve('data/centres/donetska.json');
const bundled = JSON.parse(readFileSync(CENTRES_FILE, 'utf8')) as { units: unknown[]; centres: unknown[] };
const LOADED = 'centre directory loaded into an empty database';

function instance(databaseUrl: string, handleKey: string, logs: string[]): Promise<Poruch> {
  const config = configSchema.parse({
    env: 'test',
    logLevel: 'info',
    databaseUrl,
    handleKey,
    centresFile: CENTRES_FILE,
    telegram: { mode: 'off' },
    viber: { enabled: false },
  });
  const stream = new Writable({
    write(chunk, _encoding, done) {
      logs.push(String(chunk));
      done();
    },
  });
  return composePoruch(config, { logger: pino(loggerOptions(config) as object, stream) });
}

// Skipped with a message without PostgreSQL, and failing under CI=true (it used to pass silently).
describePostgres('two instances starting together on an empty database', { empty: true }, (backend) => {
  const started: Poruch[] = [];
  afterAll(async () => {
    for (const poruch of started) await poruch.close();
  });

  it('both become healthy, and the bundled directory is loaded once', async () => {
    const handleKey = randomBytes(32).toString('hex');
    const logs: string[] = [];
    const results = await Promise.allSettled([
      instance(backend.url, handleKey, logs),
      instance(backend.url, handleKey, logs),
    ]);
    for (const result of results) if (result.status === 'fulfilled') started.push(result.value);
    expect(results.map((r) => (r.status === 'rejected' ? String(r.reason) : 'up'))).toEqual(['up', 'up']);

    for (const poruch of started) {
      const health = await poruch.app.inject({ method: 'GET', url: '/health' });
      expect(health.statusCode).toBe(200);
      expect(poruch.directory().centres).toHaveLength(bundled.centres.length);
    }
    expect(logs.filter((line) => line.includes(LOADED))).toHaveLength(1);
    const { prisma } = started[0]?.store.database ?? {};
    expect(await prisma?.adminUnit.count()).toBe(bundled.units.length);
    // Two real start-ups (each migrating through the wasm schema engine): an upper bound, not a clock.
  }, 120_000);
});
