// `npm run register:export -- CENTRE_ID --from YYYY-MM-DD --to YYYY-MM-DD [--format csv|xlsx]
//   [--out FILE] [--with-addresses --as ADMIN_ID] [--locale uk|ru] [--database-url URL]`
// Writes the centre's register: one row per case received from --from to --to (both days included,
// the centre's local time), with notices, deadlines met or missed and the outcome. Never a reporter
// handle or secret; exact addresses only with --with-addresses, for an admin of that centre (--as).
import { existsSync, readFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { stringify } from 'csv-stringify/sync';
import writeXlsxFile from 'write-excel-file/node';
import { caseworkPolicyOf, type Env, loadConfig } from '../../src/config.js';
import { endOfLocalDay, isIsoDate } from '../../src/core/casework/calendar.js';
import {
  mayExportAddresses,
  registerColumns,
  registerRows,
} from '../../src/core/casework/register-export.js';
import { createHandleCipher, parseKey } from '../../src/crypto/handle-cipher.js';
import { createI18n } from '../../src/i18n/index.js';
import { fromCwd, localesDir } from '../../src/paths.js';
import { loadRegister } from '../../src/storage/register.js';
import { type Command, databaseUrlFrom, parseCommandArgs, USAGE_ERROR, withStore } from './command.js';

const USAGE =
  'usage: npm run register:export -- CENTRE_ID --from YYYY-MM-DD --to YYYY-MM-DD [--format csv|xlsx] ' +
  '[--out FILE] [--with-addresses --as ADMIN_ID] [--locale uk|ru] [--database-url URL]';

const dayBefore = (date: string) =>
  new Date(Date.parse(`${date}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);

/** The handle key decrypts addresses; an export never creates one (there would be nothing to decrypt). */
function addressKey(env: Env): Buffer {
  const config = loadConfig(env);
  if (config.handleKey) return parseKey(config.handleKey);
  const file = fromCwd(config.handleKeyFile);
  if (!existsSync(file))
    throw new Error(`no handle key: set HANDLE_KEY or HANDLE_KEY_FILE (${file} is missing)`);
  return parseKey(readFileSync(file, 'utf8'));
}

/** Runs the export; returns the exit code and prints what it wrote (never a row's contents). */
export const registerExport: Command = async (args, context) => {
  const now = context.clock.now();
  const { values, positionals } = parseCommandArgs(args, {
    from: { type: 'string' },
    to: { type: 'string' },
    format: { type: 'string', default: 'csv' },
    out: { type: 'string' },
    'with-addresses': { type: 'boolean', default: false },
    as: { type: 'string' },
    locale: { type: 'string', default: 'uk' },
  });
  const [centreId, ...extra] = positionals;
  const { from, to, format, locale } = values;
  const fits =
    centreId &&
    extra.length === 0 &&
    from &&
    to &&
    isIsoDate(from) &&
    isIsoDate(to) &&
    from <= to &&
    (format === 'csv' || format === 'xlsx') &&
    (locale === 'uk' || locale === 'ru');
  if (values.help || !fits) {
    context.err(USAGE);
    return values.help ? 0 : USAGE_ERROR;
  }
  const withAddresses = values['with-addresses'] ?? false;
  const policy = caseworkPolicyOf(loadConfig(context.env));
  const tz = policy.calendar.timeZone;
  const out = values.out ?? `register-${centreId}-${from}-${to}.${format}`;
  const url = databaseUrlFrom(values['database-url'], context.env);
  return withStore(url, context, async (store) => {
    if (withAddresses) {
      const caller = values.as ? await store.specialists.byId(values.as) : null;
      const actor = caller?.active ? { id: caller.id, centreId: caller.centreId, role: caller.role } : null;
      if (!mayExportAddresses(actor, centreId)) {
        context.err(`--with-addresses needs --as ID of an active admin of ${centreId}`);
        return 3;
      }
    }
    const cases = await loadRegister(
      store.database.prisma,
      { centreId, from: endOfLocalDay(dayBefore(from), tz), to: endOfLocalDay(to, tz) },
      withAddresses ? createHandleCipher(addressKey(context.env)) : null,
    );
    const columns = registerColumns(withAddresses);
    const i18n = createI18n(localesDir);
    const header = columns.map((c) => i18n.render({ key: `casework.register.${c}` }, locale));
    const rows = registerRows(cases, policy, now, withAddresses).map((r) => columns.map((c) => r[c]));
    if (format === 'csv') await writeFile(out, stringify([header, ...rows], { bom: true }));
    else await writeXlsxFile([header, ...rows]).toFile(out);
    context.out(
      `${out}: ${rows.length} cases of ${centreId}, ${from} to ${to}${withAddresses ? ', with addresses' : ''}`,
    );
    return 0;
  });
};
