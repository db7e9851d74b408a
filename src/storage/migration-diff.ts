// The SQL that takes a database from the existing migrations to the current Prisma schema: the core
// of `prisma migrate dev --create-only`, through the wasm schema engine.

import { providerOf } from './database-url.js';
import { migrationConnections } from './migration-adapters.js';
import { lockfileContent, noFilters, readMigrations } from './migrations.js';
import { withSchemaEngine } from './schema-engine.js';

export interface DiffInput {
  /**
   * A database of the right provider to work in. The engine replays the existing migrations in a
   * shadow database (in memory for SQLite; a temporary database on this server for PostgreSQL) and
   * never changes this one.
   */
  workDatabaseUrl: string;
  migrationsDir: string;
  schema: { path: string; content: string };
}

/** Returns the migration script, or null when the schema adds nothing to the migrations. */
export async function diffMigrationsToSchema(input: DiffInput): Promise<string | null> {
  const migrationsList = await readMigrations(input.migrationsDir);
  // A first migration has no lock file yet; the engine needs it to know the provider.
  migrationsList.lockfile.content ??= lockfileContent(providerOf(input.workDatabaseUrl));
  const connections = migrationConnections(input.workDatabaseUrl);
  return withSchemaEngine(connections.factory, connections.close, async (engine) => {
    const result = await engine.diff({
      // Even with no migrations yet: replaying "nothing" into a shadow database starts from what
      // a fresh database has (PostgreSQL's public schema), as `migrate dev` does; {tag:'empty'}
      // would add a CREATE SCHEMA "public" the CLI never writes.
      from: { tag: 'migrations', ...migrationsList },
      to: { tag: 'schemaDatamodel', files: [input.schema] },
      script: true,
      exitCode: true,
      filters: noFilters,
    });
    // exitCode 2 means "there are changes"; 0 means none.
    return result.exitCode === 2 ? (result.stdout ?? '') : null;
  });
}
