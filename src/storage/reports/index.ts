// The statistics' ReportSource and CaseworkMeasureSource on SQLite or PostgreSQL: read-only queries,
// through connection.ts (on PostgreSQL each in a read transaction of its own, without JIT).
import type { CaseworkPolicy } from '../../core/casework/deadlines.js';
import type { CaseworkMeasureSource, ReportSource } from '../../core/reports/model.js';
import { caseworkMeasures } from './casework.js';
import { type ReportDatabase, reportSql } from './connection.js';
import { requestCounts } from './counts.js';
import { dialectOf } from './dialect.js';
import { reactionQueries } from './reactions.js';

export function reportSource(database: ReportDatabase): ReportSource {
  const dialect = dialectOf(database.provider);
  const sql = reportSql(database);
  return { ...requestCounts(sql, dialect), ...reactionQueries(sql, dialect) };
}

export function caseworkMeasureSource(
  database: ReportDatabase,
  policy: CaseworkPolicy,
): CaseworkMeasureSource {
  return caseworkMeasures(reportSql(database), dialectOf(database.provider), policy);
}

/** Both, as the console and `npm run report` take them, sharing one limit on PostgreSQL's connections. */
export function reportSources(database: ReportDatabase, policy: CaseworkPolicy) {
  const dialect = dialectOf(database.provider);
  const sql = reportSql(database);
  return {
    source: { ...requestCounts(sql, dialect), ...reactionQueries(sql, dialect) } satisfies ReportSource,
    casework: caseworkMeasures(sql, dialect, policy),
  };
}
