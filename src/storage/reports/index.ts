// The statistics' ReportSource and CaseworkMeasureSource on SQLite or PostgreSQL: read-only queries
// outside any transaction.
import type { CaseworkPolicy } from '../../core/casework/deadlines.js';
import type { CaseworkMeasureSource, ReportSource } from '../../core/reports/model.js';
import type { Database } from '../prisma.js';
import { caseworkMeasures } from './casework.js';
import { requestCounts } from './counts.js';
import { dialectOf } from './dialect.js';
import { reactionQueries } from './reactions.js';

export function reportSource(database: Pick<Database, 'sql' | 'provider'>): ReportSource {
  const dialect = dialectOf(database.provider);
  return { ...requestCounts(database.sql, dialect), ...reactionQueries(database.sql, dialect) };
}

export function caseworkMeasureSource(
  database: Pick<Database, 'sql' | 'provider'>,
  policy: CaseworkPolicy,
): CaseworkMeasureSource {
  return caseworkMeasures(database.sql, dialectOf(database.provider), policy);
}

/** Both, as the console and `npm run report` take them. */
export const reportSources = (database: Pick<Database, 'sql' | 'provider'>, policy: CaseworkPolicy) => ({
  source: reportSource(database),
  casework: caseworkMeasureSource(database, policy),
});
