// `npm run staff:login-link -- SPECIALIST_ID [--public-url URL] [--database-url URL]`: prints a
// one-time sign-in link to the staff console for that specialist (for the first admin, before
// anyone can send /web to the bot). Like /web, it works once, within 10 minutes. The link points
// at PUBLIC_URL (or --public-url). Ids: `npm run specialists -- CENTRE_ID`.
import { createHash, randomBytes } from 'node:crypto';
import { type Env, loadConfig } from '../../src/config.js';
import { createSignIn, LOGIN_LINK_MINUTES } from '../../src/core/staff/sign-in.js';
import { type Command, databaseUrlFrom, parseCommandArgs, USAGE_ERROR, withStore } from './command.js';

const USAGE = 'usage: npm run staff:login-link -- SPECIALIST_ID [--public-url URL] [--database-url URL]';

function publicUrlFrom(option: string | undefined, env: Env): string {
  if (option) return option.replace(/\/+$/, '');
  const config = loadConfig(env);
  return config.publicUrl ?? `http://localhost:${config.port}`;
}

export const staffLoginLink: Command = async (args, context) => {
  const { values, positionals } = parseCommandArgs(args, { 'public-url': { type: 'string' } });
  const [specialistId, ...extra] = positionals;
  if (values.help || !specialistId || extra.length > 0) {
    context.err(USAGE);
    return values.help ? 0 : USAGE_ERROR;
  }
  const signIn = createSignIn({
    clock: context.clock,
    randomToken: () => randomBytes(32).toString('base64url'),
    hash: (s) => createHash('sha256').update(s).digest('hex'),
    publicUrl: publicUrlFrom(values['public-url'], context.env),
  });
  const url = databaseUrlFrom(values['database-url'], context.env);
  return withStore(url, context, async (store) => {
    const specialist = await store.specialists.byId(specialistId);
    if (!specialist) {
      context.err(`no specialist with id ${specialistId}`);
      return 1;
    }
    const link = await store.transaction((tx) => signIn.issueLink(tx.staffAccess, specialist));
    if (!link) {
      context.err(`${specialist.displayName} (${specialistId}) is switched off: no link`);
      return 1;
    }
    context.out(`Sign-in link for ${specialist.displayName}, valid for ${LOGIN_LINK_MINUTES} minutes, once:`);
    context.out(`\n  ${link.url}\n`);
    return 0;
  });
};
