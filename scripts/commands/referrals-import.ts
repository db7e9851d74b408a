// `npm run referrals:import -- FILE [--database-url URL]`: loads a referral directory file
// (data/referrals/<oblast>.json) into the database, replacing that oblast's contacts in one
// transaction; a file with any error changes nothing. The running app reads them on each /notify.
import { importReferralFile } from '../../src/directory/referrals.js';
import { type Command, databaseUrlFrom, parseCommandArgs, USAGE_ERROR, withStore } from './command.js';

const USAGE = 'usage: npm run referrals:import -- FILE.json [--database-url URL]';

export const referralsImport: Command = async (args, context) => {
  const { values, positionals } = parseCommandArgs(args, {});
  const [file, ...extra] = positionals;
  if (values.help || !file || extra.length > 0) {
    context.err(USAGE);
    return values.help ? 0 : USAGE_ERROR;
  }
  const url = databaseUrlFrom(values['database-url'], context.env);
  return withStore(url, context, async (store) => {
    const imported = await store.transaction((tx) => importReferralFile(file, tx.casework));
    if (!imported.ok) {
      context.err(`${file} is invalid, nothing was changed:\n${imported.error.join('\n')}`);
      return 1;
    }
    context.out(`${imported.value.oblastId}: ${imported.value.contacts} referral contacts loaded`);
    return 0;
  });
};
