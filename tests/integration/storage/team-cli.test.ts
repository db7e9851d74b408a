// The commands an admin runs for their team, as real child processes on an SQLite file that this
// process keeps open, as a running server would: an invite that carries the person's name, the team
// list, and switching someone off.
import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { createStore } from '../../../src/storage/store.js';
import { freshSqliteUrl } from '../../helpers/db.js';
import { directory } from './fixtures.js';

const run = promisify(execFile);

async function cli(script: string, ...args: string[]) {
  try {
    const { stdout, stderr } = await run(
      process.execPath,
      ['--import', 'tsx', `scripts/${script}.ts`, ...args],
      {
        env: { ...process.env, NODE_NO_WARNINGS: '1' },
      },
    );
    return { code: 0, stdout, stderr };
  } catch (e) {
    const failed = e as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

describe('team commands', () => {
  it('an invite keeps the name; the list shows the team; deactivate switches one off', async () => {
    const url = freshSqliteUrl();
    const store = createStore(url);
    try {
      await store.directory.replace(directory);
      const invite = await cli(
        'specialist-invite',
        'sloviansk-centre',
        '--name',
        'Олена П.',
        '--database-url',
        url,
      );
      expect(invite.code).toBe(0);
      expect((await store.database.prisma.invite.findFirstOrThrow()).displayName).toBe('Олена П.');

      const handle = await store.database.prisma.chatHandle.create({
        data: { channel: 'TELEGRAM', lookupHash: randomUUID(), encryptedId: 'x' },
      });
      const taras = await store.database.prisma.specialist.create({
        data: { centreId: 'sloviansk-centre', displayName: 'Тарас К.', handleId: handle.id },
      });

      const list = await cli('specialists', 'sloviansk-centre', '--database-url', url);
      expect(list.code).toBe(0);
      expect(list.stdout).toMatch(new RegExp(`${taras.id}\\s+SPECIALIST\\s+active\\s+0 open\\s+Тарас К\\.`));

      const off = await cli('specialist-deactivate', taras.id, '--database-url', url);
      expect(off.code).toBe(0);
      expect(off.stdout).toContain('Тарас К.');
      expect(off.stdout).toContain('They held no open cases.');
      expect(
        (await store.database.prisma.specialist.findUniqueOrThrow({ where: { id: taras.id } })).active,
      ).toBe(false);
      expect((await cli('specialists', 'sloviansk-centre', '--database-url', url)).stdout).toMatch(
        /SPECIALIST\s+off/,
      );

      const unknown = await cli('specialist-deactivate', 'nobody', '--database-url', url);
      expect(unknown.code).toBe(1);
      expect(unknown.stderr).toContain('no specialist with id nobody');
    } finally {
      await store.close();
    }
  });
});
