// The migrations on disk build exactly the model in prisma/schema.prisma, on both backends. Several
// people change the schema at once; a migration lost or written against an older model (SQLite
// rebuilds a table from the columns it knew) would otherwise show only on somebody's production data.
import { expect, it } from 'vitest';
import { schemaFor, schemaPath } from '../../../scripts/schema-variants.js';
import { diffMigrationsToSchema } from '../../../src/storage/migration-diff.js';
import { migrationsDirFor } from '../../../src/storage/migrations.js';
import { describeBackends } from '../../helpers/db.js';

describeBackends('the migrations', { empty: true }, (backend) => {
  it('leave nothing of prisma/schema.prisma unmigrated', async () => {
    const missing = await diffMigrationsToSchema({
      workDatabaseUrl: backend.url,
      migrationsDir: migrationsDirFor(backend.provider),
      schema: { path: schemaPath, content: schemaFor(backend.provider) },
    });
    expect(missing, 'run npm run db:migrate:create -- NAME').toBeNull();
  });
});
