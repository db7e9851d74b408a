// The database a command-line tool works on: `--database-url`, else DATABASE_URL through the app's config.
import { ConfigError, loadConfig } from '../src/config.js';

export function databaseUrlFrom(option: string | undefined): string {
  if (option) return option;
  try {
    return loadConfig().databaseUrl;
  } catch (e) {
    if (e instanceof ConfigError) throw new Error(`${e.message}\n(or pass --database-url URL)`);
    throw e;
  }
}
