// `npm run centres:import -- FILE [--database-url URL]`
// Replaces the centre directory with FILE (.json or .csv, see docs/centres-import.md). Every row is
// checked first: with any problem, all of them are printed and the script exits 1 having written
// nothing, not even a migration. Otherwise pending migrations are applied and the directory is
// replaced in one transaction. The database defaults to DATABASE_URL (file:./data/poruch.db).
import { parseArgs } from 'node:util';
import { summarize } from '../src/directory/import.js';
import { formatRowError, readDirectoryFile } from '../src/directory/index.js';
import { applyMigrations } from '../src/storage/migrations.js';
import { createStore } from '../src/storage/store.js';
import { databaseUrlFrom } from './database-url-option.js';

const USAGE = 'usage: npm run centres:import -- FILE.json|FILE.csv [--database-url URL]';

/** Credentials never reach the terminal. */
const redact = (url: string) => url.replace(/\/\/([^:@/]+):[^@/]*@/, '//$1:***@');

async function main(): Promise<number> {
  const { values, positionals } = parseArgs({
    options: { 'database-url': { type: 'string' }, help: { type: 'boolean', short: 'h' } },
    allowPositionals: true,
  });
  const [file, ...extra] = positionals;
  if (values.help || !file || extra.length > 0) {
    console.error(USAGE);
    return values.help ? 0 : 2;
  }

  const parsed = await readDirectoryFile(file);
  if (!parsed.ok) {
    for (const e of parsed.error) console.error(formatRowError(e));
    console.error(`\n${parsed.error.length} problem(s) in ${file}; nothing was written.`);
    return 1;
  }

  const url = databaseUrlFrom(values['database-url']);
  const applied = await applyMigrations(url);
  if (applied.length > 0) console.log(`${redact(url)}: applied migrations ${applied.join(', ')}`);
  const store = createStore(url);
  try {
    await store.directory.replace(parsed.value);
  } finally {
    await store.close();
  }
  const s = summarize(parsed.value);
  console.log(
    `Imported ${file} into ${redact(url)}: ${s.units} units (${s.districts} districts, ${s.hromadas} hromadas/towns), ` +
      `${s.centres} centres, ${s.coverageLinks} coverage links.`,
  );
  if (s.unconfirmedCentres > 0) {
    console.log(
      `${s.unconfirmedCentres} centre(s) still need confirmation by the operator (needsConfirmation: true).`,
    );
  }
  return 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    console.error(
      `centres:import failed, the directory was not changed: ${e instanceof Error ? e.message : String(e)}`,
    );
    process.exitCode = 1;
  },
);
