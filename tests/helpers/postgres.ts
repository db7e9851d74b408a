// Where the tests find PostgreSQL. Tests may read the environment; src/ may not (only src/config.ts).
import pg from 'pg';

export const POSTGRES_URL = process.env.POSTGRES_URL || 'postgresql://postgres@127.0.0.1:5432/test';

/** Credentials never reach the test output. */
export const redacted = (url: string) => url.replace(/\/\/([^:@/]+):[^@/]*@/, '//$1:***@');

/** A real round trip (not just an open port): the server must accept our user too. */
export async function postgresAvailable(url = POSTGRES_URL): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2_000 });
  client.on('error', () => {});
  try {
    await client.connect();
    await client.query('SELECT 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}
