// Ids for rows written by plain SQL (sql.ts). Prisma's cuid() is applied by the client, not the
// database, so these rows need their own. They sort in creation order within a process (time, then
// a counter), which keeps the outbox's "oldest first" tie-break stable for entries of one millisecond;
// a random tag per process keeps two instances' ids apart.
import { randomBytes } from 'node:crypto';

const processTag = randomBytes(8).toString('hex');
let lastTime = 0;
let counter = 0;

export function newId(): string {
  const now = Date.now();
  if (now === lastTime) counter++;
  else {
    lastTime = now;
    counter = 0;
  }
  const time = now.toString(36).padStart(9, '0');
  const sequence = counter.toString(36).padStart(5, '0');
  return `q${time}${sequence}${processTag}`;
}
