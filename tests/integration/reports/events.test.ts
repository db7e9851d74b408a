// The oblast's head counts escalations and lapsed leases per centre. What the queue itself writes
// must land where the statistics look: an escalation at the centre the request left, a lapsed lease
// at the centre of the specialist who held it (AuditEvent.countedAtCentreId).
import { afterEach, beforeEach, expect, it } from 'vitest';
import { lastDays } from '../../../src/core/reports/period.js';
import { reportSource } from '../../../src/storage/reports/index.js';
import { describeBackends } from '../../helpers/db.js';
import { buildWorld, type World } from '../queue/world.js';

describeBackends('report: escalations and lapsed leases as the queue records them', (backend) => {
  let w: World;
  beforeEach(async () => {
    w = await buildWorld(await backend.another(), { leaseMinutes: 30 });
  });
  afterEach(() => w.close());

  it('counts each escalation at the centre it left and each lapse at the holder’s centre', async () => {
    // One request climbs hromada -> district -> oblast.
    const { request: climbing } = await w.queue.enqueue(w.newRequest());
    await w.queue.escalate(climbing.id);
    await w.queue.escalate(climbing.id);
    // Olena (hromada) lets one lease lapse; the district specialist lets another lapse on an
    // escalated request.
    const { request: forgotten } = await w.queue.enqueue(w.newRequest());
    await w.queue.claim(forgotten.id, w.olena);
    const { request: escalated } = await w.queue.enqueue(w.newRequest());
    await w.queue.escalate(escalated.id);
    await w.queue.claim(escalated.id, w.district);
    w.clock.advanceMinutes(31);
    expect(await w.queue.expireLeases()).toHaveLength(2);

    const events = await reportSource(w.store.database).events({ oblastId: 'oblast' }, lastDays(w.clock, 1));
    const sorted = [...events].sort((a, b) =>
      `${a.event}${a.centreId}`.localeCompare(`${b.event}${b.centreId}`),
    );
    expect(sorted).toEqual([
      { centreId: 'district', event: 'escalated', count: 1 },
      { centreId: 'hromada', event: 'escalated', count: 2 },
      { centreId: 'district', event: 'leaseLapsed', count: 1 },
      { centreId: 'hromada', event: 'leaseLapsed', count: 1 },
    ]);
    // A centre's own view counts only its own.
    expect(
      await reportSource(w.store.database).events({ centreId: 'district' }, lastDays(w.clock, 1)),
    ).toEqual(
      expect.arrayContaining([
        { centreId: 'district', event: 'escalated', count: 1 },
        { centreId: 'district', event: 'leaseLapsed', count: 1 },
      ]),
    );
  });
});
