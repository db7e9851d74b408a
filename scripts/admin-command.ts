// What the team commands share: their database (--database-url, else DATABASE_URL), migrated first
// and open for the length of the command, and an exit code with errors printed as one line.
import { applyMigrations } from '../src/storage/migrations.js';
import { createStore, type StoreOptions, type StoreWithDatabase } from '../src/storage/store.js';
import { databaseUrlFrom } from './database-url-option.js';

export async function withStore<T>(
  databaseUrlOption: string | undefined,
  work: (store: StoreWithDatabase) => Promise<T>,
  options: StoreOptions = {},
): Promise<T> {
  const url = databaseUrlFrom(databaseUrlOption);
  await applyMigrations(url);
  const store = createStore(url, options);
  try {
    return await work(store);
  } finally {
    await store.close();
  }
}

/** Runs the command and exits with its code; a failure is printed as its message, not a stack. */
export function runCommand(main: () => Promise<number>): void {
  main().then(
    (code) => process.exit(code),
    (error: unknown) => {
      console.error(error instanceof Error ? error.message : error);
      process.exit(1);
    },
  );
}
