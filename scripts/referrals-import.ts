// `npm run referrals:import -- FILE [--database-url URL]`: loads a referral directory file
// (data/referrals/<oblast>.json) into the database, replacing that oblast's contacts in one
// transaction; a file with any error changes nothing. The running app reads them on each /notify.
import { parseArgs } from 'node:util';
import { importReferralFile } from '../src/directory/referrals.js';
import { runCommand, withStore } from './admin-command.js';

const USAGE = 'usage: npm run referrals:import -- FILE.json [--database-url URL]';

async function main(): Promise<number> {
  const { values, positionals } = parseArgs({
    options: { 'database-url': { type: 'string' } },
    allowPositionals: true,
  });
  const [file, ...extra] = positionals;
  if (!file || extra.length > 0) {
    console.error(USAGE);
    return 2;
  }
  return withStore(values['database-url'], async (store) => {
    const imported = await store.transaction((tx) => importReferralFile(file, tx.casework));
    if (!imported.ok) {
      console.error(`${file} is invalid, nothing was changed:\n${imported.error.join('\n')}`);
      return 1;
    }
    console.log(`${imported.value.oblastId}: ${imported.value.contacts} referral contacts loaded`);
    return 0;
  });
}

runCommand(main);
