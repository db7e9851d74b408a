// The SQL the statistics run through: the database's own on SQLite; on PostgreSQL every statement
// in a short transaction of its own that first sets, for that statement only (SET LOCAL: nothing
// else on the connection changes), two planner settings the hot path keeps:
// - jit = off. The report's queries read tens of thousands of rows once per page, so their planned
//   cost passes jit_above_cost and PostgreSQL compiles them to machine code first. Measured on the
//   100k-request benchmark (bench/reports.ts, oblast, 365 days) with EXPLAIN ANALYZE, the casework
//   query spent 512 ms in JIT (inlining 99, optimisation 259, emission 152) against an execution
//   of 190 ms without it: the compiling cost more than the compiled code ever saved.
// - plan_cache_mode = force_custom_plan. sql.ts prepares every text once per connection, and after
//   five runs PostgreSQL may switch a prepared statement to a generic plan, blind to the period
//   and scope: the casework query then took 1,100 ms instead of 150 ms. Planning it anew for each
//   page costs ~7 ms.
// At most TRANSACTIONS_AT_ONCE statements hold one of the database's transaction connections at a
// time, so that a page of statistics (up to nine queries at once) never takes every connection
// the request queue's own transactions wait for.
import pLimit from 'p-limit';
import type { Database } from '../prisma.js';
import type { Sql, SqlValue } from '../sql.js';

export type ReportDatabase = Pick<Database, 'sql' | 'provider' | 'transaction'>;

/** The machine has two cores: more statements at once would only queue inside PostgreSQL. */
const TRANSACTIONS_AT_ONCE = 2;

export function reportSql(database: ReportDatabase): Sql {
  if (database.provider === 'sqlite') return database.sql;
  const turn = pLimit(TRANSACTIONS_AT_ONCE);
  const asReport = <T>(work: (sql: Sql) => Promise<T>) =>
    turn(() =>
      database.transaction(async ({ sql }) => {
        await sql.run('SET LOCAL jit = off');
        await sql.run('SET LOCAL plan_cache_mode = force_custom_plan');
        return work(sql);
      }),
    );
  return {
    all: <T extends object>(text: string, params?: readonly SqlValue[]) =>
      asReport((sql) => sql.all<T>(text, params)),
    run: (text: string, params?: readonly SqlValue[]) => asReport((sql) => sql.run(text, params)),
  };
}
