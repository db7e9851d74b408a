// `npm run generate`: builds the Prisma clients for SQLite and PostgreSQL without Prisma's native
// schema engine (which cannot be downloaded everywhere). Prisma's CLI insists on that engine before
// `generate` and tries to download it; no option turns the check off, but PRISMA_SCHEMA_ENGINE_BINARY
// (its documented custom-engine variable) pointing at any existing file satisfies it, and `generate`
// never runs the file. Migrations go through @prisma/schema-engine-wasm instead (src/storage/migrations.ts).
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { schemaFor, schemaPath } from './schema-variants.js';

const root = fileURLToPath(new URL('..', import.meta.url));
// The CLI only checks that this file exists; it must never run it. If something does (migrate,
// db push), the placeholder fails loudly instead of silently doing nothing.
const env = {
  ...process.env,
  PRISMA_SCHEMA_ENGINE_BINARY: join(root, 'scripts/no-native-schema-engine.sh'),
  PRISMA_HIDE_UPDATE_MESSAGE: '1',
};

// The derived PostgreSQL schema sits next to the original so its relative output path resolves alike.
const pgSchema = join(dirname(schemaPath), 'postgres.generated.prisma');
mkdirSync(dirname(pgSchema), { recursive: true });
writeFileSync(
  pgSchema,
  `// GENERATED from schema.prisma by scripts/generate.ts; do not edit.\n${schemaFor('postgresql')}`,
);

for (const schema of [schemaPath, pgSchema]) {
  execFileSync(join(root, 'node_modules/.bin/prisma'), ['generate', '--schema', schema], {
    cwd: root,
    env,
    stdio: ['ignore', 'inherit', 'inherit'],
  });
}
