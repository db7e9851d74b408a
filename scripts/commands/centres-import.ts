// `centres:import FILE [--database-url URL]`
// Replaces the centre directory with FILE (.json or .csv, see docs/centres-import.md). Every row is
// checked first: with any problem, all of them are printed and the command exits 1 having written
// nothing, not even a migration. Otherwise pending migrations are applied and the directory is
// replaced in one transaction; a running server notices the new version and reloads it.
import { summarize } from '../../src/directory/import.js';
import { formatRowError, readDirectoryFile } from '../../src/directory/index.js';
import { type Command, databaseUrlFrom, parseOneArgument, redactUrl, withStore } from './command.js';

const USAGE = 'usage: npm run centres:import -- FILE.json|FILE.csv [--database-url URL]';

export const centresImport: Command = async (args, context) => {
  const call = parseOneArgument(args, context, USAGE, {});
  if (!call.ok) return call.exit;
  const { argument: file, values } = call;

  const parsed = await readDirectoryFile(file);
  if (!parsed.ok) {
    for (const e of parsed.error) context.err(formatRowError(e));
    context.err(`\n${parsed.error.length} problem(s) in ${file}; nothing was written.`);
    return 1;
  }

  const url = databaseUrlFrom(values['database-url'], context.env);
  try {
    await withStore(url, context, (store) => store.directory.replace(parsed.value));
  } catch (e) {
    context.err(
      `centres:import failed, the directory was not changed: ${e instanceof Error ? e.message : e}`,
    );
    return 1;
  }
  const s = summarize(parsed.value);
  context.out(
    `Imported ${file} into ${redactUrl(url)}: ${s.units} units (${s.districts} districts, ${s.hromadas} hromadas/towns), ` +
      `${s.centres} centres, ${s.coverageLinks} coverage links.`,
  );
  if (s.unconfirmedCentres > 0) {
    context.out(
      `${s.unconfirmedCentres} centre(s) still need confirmation by the operator (needsConfirmation: true).`,
    );
  }
  return 0;
};
