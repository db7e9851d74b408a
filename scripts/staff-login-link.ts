// `npm run staff:login-link -- SPECIALIST_ID [--public-url URL] [--database-url URL]`: prints a
// one-time sign-in link to the staff console for that specialist (for the first admin, before
// anyone can send /web to the bot). Like /web, it works once, within 10 minutes. The link points
// at PUBLIC_URL (or --public-url). Ids: `npm run specialists -- CENTRE_ID`.
import { createHash, randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';
import { loadConfig } from '../src/config.js';
import { systemClock } from '../src/core/ports.js';
import { createSignIn, LOGIN_LINK_MINUTES } from '../src/core/staff/sign-in.js';
import { runCommand, withStore } from './admin-command.js';

const USAGE = 'usage: npm run staff:login-link -- SPECIALIST_ID [--public-url URL] [--database-url URL]';

function publicUrlFrom(option: string | undefined): string {
  if (option) return option.replace(/\/+$/, '');
  const config = loadConfig();
  return config.publicUrl ?? `http://localhost:${config.port}`;
}

async function main(): Promise<number> {
  const { values, positionals } = parseArgs({
    options: {
      'public-url': { type: 'string' },
      'database-url': { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
    allowPositionals: true,
  });
  const [specialistId, ...extra] = positionals;
  if (values.help || !specialistId || extra.length > 0) {
    console.error(USAGE);
    return values.help ? 0 : 2;
  }
  const signIn = createSignIn({
    clock: systemClock,
    randomToken: () => randomBytes(32).toString('base64url'),
    hash: (s) => createHash('sha256').update(s).digest('hex'),
    publicUrl: publicUrlFrom(values['public-url']),
  });
  return withStore(values['database-url'], async (store) => {
    const specialist = await store.specialists.byId(specialistId);
    if (!specialist) {
      console.error(`no specialist with id ${specialistId}`);
      return 1;
    }
    const link = await store.transaction((tx) => signIn.issueLink(tx.staffAccess, specialist));
    if (!link) {
      console.error(`${specialist.displayName} (${specialistId}) is switched off: no link`);
      return 1;
    }
    console.log(`Sign-in link for ${specialist.displayName}, valid for ${LOGIN_LINK_MINUTES} minutes, once:`);
    console.log(`\n  ${link.url}\n`);
    return 0;
  });
}

runCommand(main);
