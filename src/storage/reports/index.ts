// The statistics' ReportSource on SQLite or PostgreSQL: read-only queries outside any transaction.
import type { ReportSource } from '../../core/reports/model.js';
import type { Database } from '../prisma.js';
import { requestCounts } from './counts.js';
import { dialectOf } from './dialect.js';
import { reactionQueries } from './reactions.js';

export function reportSource(database: Pick<Database, 'sql' | 'provider'>): ReportSource {
  const dialect = dialectOf(database.provider);
  return { ...requestCounts(database.sql, dialect), ...reactionQueries(database.sql, dialect) };
}
