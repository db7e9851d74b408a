// `npm run specialist:deactivate -- SPECIALIST_ID [--database-url URL]`: switches a specialist off (they
// left the centre, or lost their phone). Their open cases go back to the queue and are announced to
// colleagues; the running server's outbox delivers the messages. Ids: `npm run specialists -- CENTRE_ID`.
import { createHash, randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';
import { systemClock } from '../src/core/ports.js';
import { createCaseCodes, createQueue } from '../src/core/queue/index.js';
import { deactivateSpecialist } from '../src/core/specialists/team.js';
import { runCommand, withStore } from './admin-command.js';

const USAGE = 'usage: npm run specialist:deactivate -- SPECIALIST_ID [--database-url URL]';

async function main(): Promise<number> {
  const { values, positionals } = parseArgs({
    options: { 'database-url': { type: 'string' }, help: { type: 'boolean', short: 'h' } },
    allowPositionals: true,
  });
  const [specialistId, ...extra] = positionals;
  if (values.help || !specialistId || extra.length > 0) {
    console.error(USAGE);
    return values.help ? 0 : 2;
  }
  return withStore(values['database-url'], async (store) => {
    const directory = await store.directory.load();
    const queue = createQueue({
      store,
      clock: systemClock,
      leaseMinutes: 30, // unused here: nothing is claimed
      caseCodes: createCaseCodes({
        random: (n) => randomBytes(n),
        hash: (s) => createHash('sha256').update(s).digest('hex'),
      }),
      parentCentreOf: (id) => directory.centres.find((c) => c.id === id)?.parentId ?? null,
    });
    const done = await deactivateSpecialist(
      { store, queue, notify: { directory: () => directory, now: () => systemClock.now() } },
      specialistId,
    );
    if (!done) {
      console.error(`no specialist with id ${specialistId}`);
      return 1;
    }
    const codes = done.returned.map((r) => r.caseCode).join(', ');
    console.log(`${done.specialist.displayName} (${specialistId}) is switched off.`);
    console.log(
      done.returned.length === 0
        ? 'They held no open cases.'
        : `Back in the queue and announced to colleagues: ${codes}`,
    );
    return 0;
  });
}

runCommand(main);
