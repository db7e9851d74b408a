// `specialist:deactivate SPECIALIST_ID [--database-url URL]`: switches a specialist off (they left the
// centre, or lost their phone). Their open cases go back to the queue and are announced to
// colleagues; the running server's outbox delivers the messages. Ids: `specialists CENTRE_ID`.
import { createHash, randomBytes } from 'node:crypto';
import { createCaseCodes, createQueue } from '../../src/core/queue/index.js';
import { deactivateSpecialist } from '../../src/core/specialists/team.js';
import { type Command, databaseUrlFrom, parseOneArgument, withStore } from './command.js';

const USAGE = 'usage: npm run specialist:deactivate -- SPECIALIST_ID [--database-url URL]';

export const specialistDeactivate: Command = async (args, context) => {
  const call = parseOneArgument(args, context, USAGE, {});
  if (!call.ok) return call.exit;
  const { argument: specialistId, values } = call;
  const url = databaseUrlFrom(values['database-url'], context.env);
  return withStore(url, context, async (store) => {
    const directory = await store.directory.load();
    const queue = createQueue({
      store,
      clock: context.clock,
      leaseMinutes: 30, // unused here: nothing is claimed
      caseCodes: createCaseCodes({
        random: (n) => randomBytes(n),
        hash: (s) => createHash('sha256').update(s).digest('hex'),
      }),
      parentCentreOf: (id) => directory.centres.find((c) => c.id === id)?.parentId ?? null,
    });
    const done = await deactivateSpecialist(
      { store, queue, notify: { directory: () => directory, now: () => context.clock.now() } },
      specialistId,
    );
    if (!done) {
      context.err(`no specialist with id ${specialistId}`);
      return 1;
    }
    const codes = done.returned.map((r) => r.caseCode).join(', ');
    context.out(`${done.specialist.displayName} (${specialistId}) is switched off.`);
    context.out(
      done.returned.length === 0
        ? 'They held no open cases.'
        : `Back in the queue and announced to colleagues: ${codes}`,
    );
    return 0;
  });
};
