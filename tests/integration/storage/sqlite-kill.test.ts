// SQLite runs with synchronous=NORMAL: a commit reaches the write-ahead log without an fsync. A
// killed process must still lose nothing it had acknowledged: the operating system writes the log
// out, and the next connection replays it. The transaction it was killed in leaves no trace.
import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../src/storage/prisma.js';
import { freshSqliteUrl } from '../../helpers/db.js';

const workerFile = fileURLToPath(new URL('./sqlite-kill-worker.ts', import.meta.url));
const KILL_AT = 120;

describe('an app instance killed in the middle of a transaction (SQLite)', () => {
  const cleanup: Array<() => Promise<void>> = [];
  afterEach(async () => {
    for (const done of cleanup.splice(0)) await done();
  });

  it('keeps every update it acknowledged, and nothing of the one it was killed in', async () => {
    const url = freshSqliteUrl();
    const acknowledged: number[] = [];
    const child = fork(workerFile, [url, String(KILL_AT)], {
      execArgv: ['--import', 'tsx'],
      stdio: 'inherit',
    });
    const died = new Promise<NodeJS.Signals | null>((resolve) =>
      child.once('exit', (_, signal) => resolve(signal)),
    );
    child.on('message', (message: { acknowledged?: number; inside?: number }) => {
      if (message.acknowledged !== undefined) acknowledged.push(message.acknowledged);
      if (message.inside !== undefined) child.kill('SIGKILL');
    });
    expect(await died).toBe('SIGKILL');

    const db = openDatabase(url);
    cleanup.push(() => db.close());
    const rows = await db.sql.all<{ updateId: string }>('SELECT "updateId" FROM "ProcessedUpdate"');
    const kept = new Set(rows.map((r) => r.updateId));
    expect(acknowledged.length).toBeGreaterThanOrEqual(KILL_AT - 5);
    for (const i of acknowledged) expect(kept.has(`u${i}`), `u${i}`).toBe(true);
    expect(kept.has(`u${KILL_AT}`)).toBe(false);
    const [check] = await db.sql.all<{ integrity_check: string }>('PRAGMA integrity_check');
    expect(check?.integrity_check).toBe('ok');
  }, 60_000);
});
