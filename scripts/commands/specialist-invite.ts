// `specialist:invite CENTRE_ID [--name NAME] [--admin | --supervisor] [--hours 72] [--database-url URL]`
// Prints a one-time code; the specialist sends `/join CODE` to the bot from their own chat and becomes
// a specialist (or, with --admin, an admin; with --supervisor, an oblast supervisor who may read
// every centre of the oblast in the staff console) of that centre. Only the code's sha256 is stored; the
// code works once and expires after --hours. --name is how the team list (`specialists`) will show
// them. Pending migrations are applied first.
import { issueInvite } from '../../src/storage/invites.js';
import { type Command, databaseUrlFrom, parseOneArgument, USAGE_ERROR, withStore } from './command.js';

const USAGE =
  'usage: npm run specialist:invite -- CENTRE_ID [--name NAME] [--admin | --supervisor] [--hours 72] [--database-url URL]';
const MAX_HOURS = 24 * 30;

export const specialistInvite: Command = async (args, context) => {
  const call = parseOneArgument(args, context, USAGE, {
    admin: { type: 'boolean' },
    supervisor: { type: 'boolean' },
    name: { type: 'string' },
    hours: { type: 'string', default: '72' },
  });
  if (!call.ok) return call.exit;
  const { argument: centreId, values } = call;
  const hours = Number(values.hours);
  if (values.admin && values.supervisor) {
    context.err(USAGE);
    return USAGE_ERROR;
  }
  if (!(Number.isFinite(hours) && hours > 0 && hours <= MAX_HOURS)) {
    context.err(USAGE);
    context.err(`--hours must be between 0 and ${MAX_HOURS}`);
    return USAGE_ERROR;
  }
  const url = databaseUrlFrom(values['database-url'], context.env);
  return withStore(url, context, async (store) => {
    const role = values.admin ? 'ADMIN' : values.supervisor ? 'SUPERVISOR' : 'SPECIALIST';
    const invite = await issueInvite(store.database.prisma, {
      centreId,
      role,
      hours,
      name: values.name,
      now: context.clock.now(),
    });
    context.out(
      `Invite for ${role.toLowerCase()} of ${centreId}, valid until ${invite.expiresAt.toISOString()}:`,
    );
    context.out(`\n  /join ${invite.code}\n`);
    context.out("Send it to the bot from the specialist's own chat. It works once.");
    return 0;
  });
};
