// What every admin command shares. A command is a function of its arguments and a context (where
// it prints, the environment it reads, the clock), so tests call it in-process and the `poruch` CLI
// (scripts/poruch.ts) is only a thin wrapper that passes the real ones and exits with the code.
import { type ParseArgsConfig, parseArgs } from 'node:util';
import { ConfigError, databaseUrlOf, type Env } from '../../src/config.js';
import type { Clock } from '../../src/core/ports/index.js';
import { applyMigrations } from '../../src/storage/migrations.js';
import { createStore, type StoreWithDatabase } from '../../src/storage/store.js';

export interface CommandContext {
  /** One line of the command's result, for the person who ran it (stdout). */
  out(line: string): void;
  /** One line about what went wrong or how to call it (stderr). */
  err(line: string): void;
  env: Env;
  clock: Clock;
}

/** Runs with its arguments (without the command name); resolves to the process exit code. */
export type Command = (args: string[], context: CommandContext) => Promise<number>;

/** Exit code for a wrong call (usage printed), as most Unix tools do. */
export const USAGE_ERROR = 2;

const databaseUrlOption = {
  'database-url': { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

/** parseArgs with `--database-url` and `--help` added; positionals allowed. */
export function parseCommandArgs<O extends NonNullable<ParseArgsConfig['options']>>(
  args: string[],
  options: O,
) {
  return parseArgs({ args, options: { ...databaseUrlOption, ...options }, allowPositionals: true });
}

/**
 * For a command that takes exactly one argument (a file, a centre, a specialist) plus `options`:
 * on `--help` or a wrong call it prints `usage` and gives the exit code.
 */
export function parseOneArgument<O extends NonNullable<ParseArgsConfig['options']>>(
  args: string[],
  context: Pick<CommandContext, 'err'>,
  usage: string,
  options: O,
) {
  const parsed = parseCommandArgs(args, options);
  // TypeScript cannot see through the generic merge that these two are always there.
  const values = parsed.values as typeof parsed.values & { help?: boolean; 'database-url'?: string };
  const [argument, ...extra] = parsed.positionals;
  if (values.help || !argument || extra.length > 0) {
    context.err(usage);
    return { ok: false, exit: values.help ? 0 : USAGE_ERROR } as const;
  }
  return { ok: true, argument, values } as const;
}

/** The database a command works on: `--database-url`, else DATABASE_URL (default file:./data/poruch.db). */
export function databaseUrlFrom(option: string | undefined, env: Env): string {
  if (option) return option;
  try {
    return databaseUrlOf(env);
  } catch (e) {
    if (e instanceof ConfigError) throw new Error(`${e.message}\n(or pass --database-url URL)`);
    throw e;
  }
}

/** Opens the command's database, migrated first, for the length of `work`. */
export async function withStore<T>(
  url: string,
  context: Pick<CommandContext, 'clock'>,
  work: (store: StoreWithDatabase) => Promise<T>,
): Promise<T> {
  await applyMigrations(url);
  const store = createStore(url, { clock: context.clock });
  try {
    return await work(store);
  } finally {
    await store.close();
  }
}

/** Credentials never reach the terminal. */
export const redactUrl = (url: string): string => url.replace(/\/\/([^:@/]+):[^@/]*@/, '//$1:***@');
