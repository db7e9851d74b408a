// `npm run specialist:invite -- CENTRE_ID [--name NAME] [--admin | --supervisor] [--hours 72] [--database-url URL]`
// Prints a one-time code; the specialist sends `/join CODE` to the bot from their own chat and becomes
// a specialist (or, with --admin, an admin; with --supervisor, an oblast supervisor who may read every
// centre of the oblast in the staff console) of that centre. Only the code's sha256 is stored; the
// code works once and expires after --hours. --name is how the team list (`npm run specialists`) will
// show them. Pending migrations are applied first.
import { parseArgs } from 'node:util';
import { issueInvite } from '../src/storage/invites.js';
import { runCommand, withStore } from './admin-command.js';

const USAGE =
  'usage: npm run specialist:invite -- CENTRE_ID [--name NAME] [--admin | --supervisor] [--hours 72] [--database-url URL]';

async function main(): Promise<number> {
  const { values, positionals } = parseArgs({
    options: {
      admin: { type: 'boolean' },
      supervisor: { type: 'boolean' },
      name: { type: 'string' },
      hours: { type: 'string', default: '72' },
      'database-url': { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
    allowPositionals: true,
  });
  const [centreId, ...extra] = positionals;
  const hours = Number(values.hours);
  if (
    values.help ||
    !centreId ||
    (values.admin && values.supervisor) ||
    extra.length > 0 ||
    !Number.isFinite(hours) ||
    hours <= 0 ||
    hours > 24 * 30
  ) {
    console.error(USAGE);
    if (!values.help && !(hours > 0 && hours <= 24 * 30)) console.error('--hours must be between 0 and 720');
    return values.help ? 0 : 2;
  }
  return withStore(values['database-url'], async (store) => {
    const role = values.admin ? 'ADMIN' : values.supervisor ? 'SUPERVISOR' : 'SPECIALIST';
    const invite = await issueInvite(store.database.prisma, { centreId, role, hours, name: values.name });
    console.log(
      `Invite for ${role.toLowerCase()} of ${centreId}, valid until ${invite.expiresAt.toISOString()}:`,
    );
    console.log(`\n  /join ${invite.code}\n`);
    console.log("Send it to the bot from the specialist's own chat. It works once.");
    return 0;
  });
}

runCommand(main);
