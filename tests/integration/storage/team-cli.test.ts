// The commands an admin runs for their team, on an SQLite file that this process keeps open, as a
// running server would: an invite that carries the person's name, the team list, and switching
// someone off. The commands run in-process (scripts/commands); the CLI wrapper around them
// (scripts/poruch.ts, compiled) runs as a real process in CI's start:prod smoke step (.ci/run).
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { specialistDeactivate } from '../../../scripts/commands/specialist-deactivate.js';
import { specialistInvite } from '../../../scripts/commands/specialist-invite.js';
import { specialists } from '../../../scripts/commands/specialists.js';
import { createStore } from '../../../src/storage/store.js';
import { runCommand } from '../../helpers/command.js';
import { freshSqliteUrl } from '../../helpers/db.js';
import { TestClock } from '../queue/world.js';
import { directory } from './fixtures.js';

describe('team commands', () => {
  it('an invite keeps the name; the list shows the team; deactivate switches one off', async () => {
    const url = freshSqliteUrl();
    const clock = new TestClock();
    const store = createStore(url);
    try {
      await store.directory.replace(directory);
      const invite = await runCommand(
        specialistInvite,
        ['sloviansk-centre', '--name', 'Олена П.', '--hours', '48', '--database-url', url],
        { clock },
      );
      expect(invite.code).toBe(0);
      const code = invite.stdout.match(/\/join (\S+)/)?.[1];
      expect(code).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$/);
      const stored = await store.database.prisma.invite.findFirstOrThrow();
      expect(stored.displayName).toBe('Олена П.');
      expect(stored.expiresAt.getTime() - clock.now().getTime()).toBe(48 * 3_600_000);
      expect(JSON.stringify(stored)).not.toContain(code);

      const handle = await store.database.prisma.chatHandle.create({
        data: { channel: 'TELEGRAM', lookupHash: randomUUID(), encryptedId: 'x' },
      });
      const taras = await store.database.prisma.specialist.create({
        data: { centreId: 'sloviansk-centre', displayName: 'Тарас К.', handleId: handle.id },
      });

      const list = await runCommand(specialists, ['sloviansk-centre', '--database-url', url]);
      expect(list.code).toBe(0);
      expect(list.stdout).toMatch(new RegExp(`${taras.id}\\s+SPECIALIST\\s+active\\s+0 open\\s+Тарас К\\.`));

      const off = await runCommand(specialistDeactivate, [taras.id, '--database-url', url]);
      expect(off.code).toBe(0);
      expect(off.stdout).toContain('Тарас К.');
      expect(off.stdout).toContain('They held no open cases.');
      expect(
        (await store.database.prisma.specialist.findFirstOrThrow({ where: { id: taras.id } })).active,
      ).toBe(false);
      expect((await runCommand(specialists, ['sloviansk-centre', '--database-url', url])).stdout).toMatch(
        /SPECIALIST\s+off/,
      );

      const unknown = await runCommand(specialistDeactivate, ['nobody', '--database-url', url]);
      expect(unknown.code).toBe(1);
      expect(unknown.stderr).toContain('no specialist with id nobody');
    } finally {
      await store.close();
    }
  });

  it('takes DATABASE_URL when no --database-url is given, and explains a wrong call', async () => {
    const url = freshSqliteUrl();
    const empty = await runCommand(specialists, ['sloviansk-centre'], { env: { DATABASE_URL: url } });
    expect(empty).toMatchObject({ code: 0, stdout: expect.stringContaining('sloviansk-centre: nobody yet') });

    const noCentre = await runCommand(specialistInvite, [], { env: { DATABASE_URL: url } });
    expect(noCentre.code).toBe(2);
    expect(noCentre.stderr).toContain('usage: npm run specialist:invite');
    const tooLong = await runCommand(specialistInvite, ['sloviansk-centre', '--hours', '9999']);
    expect(tooLong.code).toBe(2);
    expect(tooLong.stderr).toContain('--hours must be between 0 and 720');
  });
});
