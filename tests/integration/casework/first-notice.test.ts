// The statistics judge the notice deadlines by the first notice to the children's service and to the
// police, kept on the request as each notice is recorded. A specialist may record a phone call
// after the letter that followed it, giving the call's earlier time: the earliest still counts.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { recordNotice } from '../../../src/core/casework/service.js';
import { dateOrNull } from '../../../src/storage/sql.js';
import { describeBackends } from '../../helpers/db.js';
import { buildCaseworkWorld, type CaseworkWorld } from './casework-world.js';

describeBackends('casework: the first notices the statistics read', (backend) => {
  let w: CaseworkWorld;
  beforeAll(async () => {
    w = await buildCaseworkWorld(backend.url);
  });
  afterAll(() => w?.close());

  const firstNotices = async (id: string) => {
    const [row] = await w.store.database.sql.all<Record<string, unknown>>(
      `SELECT "firstChildrenServiceNoticeAt" AS "childrenService", "firstPoliceNoticeAt" AS "police"
       FROM "Request" WHERE "id" = ?`,
      [id],
    );
    return { childrenService: dateOrNull(row?.childrenService), police: dateOrNull(row?.police) };
  };
  const notify = async (id: string, recipient: 'CHILDREN_SERVICE' | 'POLICE' | 'SCHOOL', sentAt: Date) => {
    const recorded = await w.inTx((ctx) =>
      recordNotice(ctx, w.olenaActor, id, { recipient, way: 'PHONE', reference: null, sentAt }),
    );
    expect(recorded.ok).toBe(true);
  };

  it('keeps the earliest notice to each body, whatever order they are recorded in', async () => {
    const id = await w.answeredCase({ category: 'VIOLENCE', urgency: 'URGENT' });
    const received = (await w.store.requests.findById(id))?.createdAt.getTime() ?? 0;
    const minutesIn = (minutes: number) => new Date(received + minutes * 60_000);

    await notify(id, 'SCHOOL', minutesIn(1));
    expect(await firstNotices(id)).toEqual({ childrenService: null, police: null });

    await notify(id, 'CHILDREN_SERVICE', minutesIn(8));
    await notify(id, 'POLICE', minutesIn(5));
    // The call before the letter, recorded after it.
    await notify(id, 'CHILDREN_SERVICE', minutesIn(3));
    // A later reminder changes nothing.
    await notify(id, 'POLICE', minutesIn(9));

    expect(await firstNotices(id)).toEqual({ childrenService: minutesIn(3), police: minutesIn(5) });
  });
});
