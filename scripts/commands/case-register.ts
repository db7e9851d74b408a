// `npm run case:register -- --as SPECIALIST_ID --source PHONE|LETTER|WALK_IN|SCHOOL|POLICE
//   --kind CONCERN|CONSULTATION --category CATEGORY --description TEXT [--urgent]
//   [--received YYYY-MM-DDTHH:MM] [--phone NUMBER] [--database-url URL]`
// Registers a case the centre received without a messenger. It joins the centre's queue like any
// other (the specialists are told through the bot) and its deadlines run from --received.
import { createHash, randomBytes } from 'node:crypto';
import { type RegisterInput, registerCase } from '../../src/core/casework/register.js';
import { createCaseCodes } from '../../src/core/queue/index.js';
import { notifyNewRequest } from '../../src/core/specialists/notify.js';
import { type Command, databaseUrlFrom, parseCommandArgs, USAGE_ERROR, withStore } from './command.js';

const USAGE =
  'usage: npm run case:register -- --as SPECIALIST_ID --source PHONE|LETTER|WALK_IN|SCHOOL|POLICE ' +
  '--kind CONCERN|CONSULTATION --category CATEGORY --description TEXT [--urgent] ' +
  '[--received YYYY-MM-DDTHH:MM] [--phone NUMBER] [--database-url URL]';

export const caseRegister: Command = async (args, context) => {
  const { values } = parseCommandArgs(args, {
    as: { type: 'string' },
    source: { type: 'string' },
    kind: { type: 'string', default: 'CONCERN' },
    category: { type: 'string' },
    description: { type: 'string' },
    urgent: { type: 'boolean', default: false },
    received: { type: 'string' },
    phone: { type: 'string' },
  });
  if (values.help || !values.as || !values.source || !values.category || !values.description) {
    context.err(USAGE);
    return values.help ? 0 : USAGE_ERROR;
  }
  const { as: actorId } = values;
  const url = databaseUrlFrom(values['database-url'], context.env);
  return withStore(url, context, async (store) => {
    const staff = await store.specialists.byId(actorId);
    if (!staff?.active) {
      context.err(`${actorId}: no active specialist with this id (npm run specialists -- CENTRE_ID)`);
      return 3;
    }
    const directory = await store.directory.load();
    const now = context.clock.now();
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
      context.err(
        `not registered: check --source, --kind, --category, --received (not in the future)\n${USAGE}`,
      );
      return USAGE_ERROR;
    }
    context.out(`${registered.value.caseCode}: registered in ${staff.centreId}'s queue (${values.source})`);
    return 0;
  });
};
