// One data model, two providers. Prisma allows one provider per schema file, so the PostgreSQL
// schema is derived from prisma/schema.prisma instead of being kept (and drifting) by hand.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export type Provider = 'sqlite' | 'postgresql';

export const schemaPath = fileURLToPath(new URL('../prisma/schema.prisma', import.meta.url));

export function schemaFor(provider: Provider, source = readFileSync(schemaPath, 'utf8')): string {
  if (provider === 'sqlite') return source;
  const derived = source
    .replace(/provider\s*=\s*"sqlite"/, 'provider = "postgresql"')
    .replace('"../src/storage/generated/sqlite"', '"../src/storage/generated/postgres"');
  if (derived === source || !derived.includes('generated/postgres')) {
    throw new Error('prisma/schema.prisma no longer has the expected sqlite datasource or output');
  }
  return derived;
}
