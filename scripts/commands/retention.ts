// `retention [--dry-run] [--database-url URL]`: one retention run now (the server also runs one
// daily). With --dry-run, only counts what would go. Periods come from the RETENTION_* variables
// (README "Privacy and retention"). Prints counts per kind, never content.
import { loadConfig } from '../../src/config.js';
import { RETENTION_STEPS, runRetention } from '../../src/core/retention/policy.js';
import { retentionStore } from '../../src/storage/retention.js';
import { type Command, databaseUrlFrom, parseCommandArgs, USAGE_ERROR, withStore } from './command.js';

const USAGE = 'usage: npm run retention -- [--dry-run] [--database-url URL]';

export const retention: Command = async (args, context) => {
  const { values, positionals } = parseCommandArgs(args, { 'dry-run': { type: 'boolean' } });
  if (values.help || positionals.length > 0) {
    context.err(USAGE);
    return values.help ? 0 : USAGE_ERROR;
  }
  const dryRun = values['dry-run'] ?? false;
  const periods = loadConfig(context.env).retention;
  const url = databaseUrlFrom(values['database-url'], context.env);
  return withStore(url, context, async (store) => {
    const counts = await runRetention(retentionStore(store.database), context.clock, periods, { dryRun });
    context.out(dryRun ? 'would remove (dry run, nothing changed):' : 'removed:');
    for (const step of RETENTION_STEPS) context.out(`  ${step.padEnd(18)} ${counts[step]}`);
    return 0;
  });
};
