// `npm run case:register -- --as SPECIALIST_ID --source PHONE|LETTER|WALK_IN|SCHOOL|POLICE
//   --kind CONCERN|CONSULTATION --category CATEGORY --description TEXT [--urgent]
//   [--received YYYY-MM-DDTHH:MM] [--phone NUMBER] [--database-url URL]`
// Registers a case the centre received without a messenger. It joins the centre's queue like any
// other (the specialists are told through the bot) and its deadlines run from --received.
import { createHash, randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';
import { type RegisterInput, registerCase } from '../src/core/casework/register.js';
import { createCaseCodes } from '../src/core/queue/index.js';
import { notifyNewRequest } from '../src/core/specialists/notify.js';
import { runCommand, withStore } from './admin-command.js';

const USAGE =
  'usage: npm run case:register -- --as SPECIALIST_ID --source PHONE|LETTER|WALK_IN|SCHOOL|POLICE ' +
  '--kind CONCERN|CONSULTATION --category CATEGORY --description TEXT [--urgent] ' +
  '[--received YYYY-MM-DDTHH:MM] [--phone NUMBER] [--database-url URL]';

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      as: { type: 'string' },
      source: { type: 'string' },
      kind: { type: 'string', default: 'CONCERN' },
      category: { type: 'string' },
      description: { type: 'string' },
      urgent: { type: 'boolean', default: false },
      received: { type: 'string' },
      phone: { type: 'string' },
      'database-url': { type: 'string' },
    },
  });
  if (!values.as || !values.source || !values.category || !values.description) {
    console.error(USAGE);
    return 2;
  }
  const { as: actorId } = values;
  return withStore(values['database-url'], async (store) => {
    const staff = await store.specialists.byId(actorId);
    if (!staff?.active) {
      console.error(`${actorId}: no active specialist with this id (npm run specialists -- CENTRE_ID)`);
      return 3;
    }
    const directory = await store.directory.load();
    const now = new Date();
    const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');
    const input = {
      source: values.source,
      kind: values.kind,
      category: values.category,
      urgency: values.urgent ? 'URGENT' : 'NORMAL',
      description: values.description,
      contactPhone: values.phone ?? null,
      ...(values.received && { receivedAt: new Date(values.received) }),
    } as RegisterInput;
    const registered = await registerCase(
      {
        store,
        caseCodes: createCaseCodes({ random: (n) => randomBytes(n), hash: sha256 }),
        now,
        onRegistered: async (tx, c) => {
          await notifyNewRequest(tx, { directory: () => directory, now: () => now }, c);
        },
      },
      { id: staff.id, centreId: staff.centreId, role: staff.role },
      input,
    );
    if (!registered.ok) {
      console.error(
        `not registered: check --source, --kind, --category, --received (not in the future)\n${USAGE}`,
      );
      return 2;
    }
    console.log(`${registered.value.caseCode}: registered in ${staff.centreId}'s queue (${values.source})`);
    return 0;
  });
}

runCommand(main);
