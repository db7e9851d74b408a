// `npm run retention -- [--dry-run] [--database-url URL]`: one retention run now (the server also
// runs one daily). With --dry-run, only counts what would go. Periods come from the RETENTION_*
// variables (README "Privacy and retention"). Prints counts per kind, never content.
import { parseArgs } from 'node:util';
import { loadConfig } from '../src/config.js';
import { systemClock } from '../src/core/ports.js';
import { RETENTION_STEPS, runRetention } from '../src/core/retention/policy.js';
import { retentionStore } from '../src/storage/retention.js';
import { runCommand, withStore } from './admin-command.js';

const USAGE = 'usage: npm run retention -- [--dry-run] [--database-url URL]';

async function main(): Promise<number> {
  const { values, positionals } = parseArgs({
    options: {
      'dry-run': { type: 'boolean' },
      'database-url': { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
    allowPositionals: true,
  });
  if (values.help || positionals.length > 0) {
    console.error(USAGE);
    return values.help ? 0 : 2;
  }
  const dryRun = values['dry-run'] ?? false;
  const periods = loadConfig().retention;
  return withStore(values['database-url'], async (store) => {
    const counts = await runRetention(retentionStore(store.database), systemClock, periods, { dryRun });
    console.log(dryRun ? 'would remove (dry run, nothing changed):' : 'removed:');
    for (const step of RETENTION_STEPS) console.log(`  ${step.padEnd(18)} ${counts[step]}`);
    return 0;
  });
}

runCommand(main);
