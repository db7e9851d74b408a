// The case record on a real database: a case that owes the children's service a notice cannot be
// closed until the notice is recorded; a transfer takes the record, the notes, the notices and the
// thread to the new centre and the old centre can no longer read or change any of it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addNote, caseCard, recordNotice, updateRecord } from '../../../src/core/casework/service.js';
import { transferCase } from '../../../src/core/casework/transfer.js';
import { describeBackends } from '../../helpers/db.js';
import { buildCaseworkWorld, type CaseworkWorld } from './casework-world.js';

describeBackends('casework: close and transfer', (backend) => {
  let w: CaseworkWorld;
  beforeAll(async () => {
    w = await buildCaseworkWorld(backend.url);
  });
  afterAll(() => w?.close());

  describe('closing', () => {
    it('is refused while the children’s service has not been told, and allowed once it has', async () => {
      const id = await w.answeredCase({ category: 'NEGLECT' });
      const refused = await w.queue.close(id, w.olena, 'REFERRED_CHILDREN_SERVICE');
      expect(refused).toMatchObject({ ok: false, error: { code: 'NOTICE_OWED', status: 'ANSWERED' } });
      if (refused.ok || refused.error.code !== 'NOTICE_OWED') return;
      expect(refused.error.owed.map((o) => o.kind)).toEqual(['CHILDREN_SERVICE_NOTICE']);
      expect((await w.store.requests.findById(id))?.status).toBe('ANSWERED');

      // A referral to the school is recorded too, but it is not the notice the law asks for.
      await w.inTx((ctx) =>
        recordNotice(ctx, w.olenaActor, id, { recipient: 'SCHOOL', way: 'PHONE', reference: null }),
      );
      expect(await w.queue.close(id, w.olena, 'REFERRED_CHILDREN_SERVICE')).toMatchObject({
        ok: false,
        error: { code: 'NOTICE_OWED' },
      });

      const told = await w.inTx((ctx) =>
        recordNotice(ctx, w.olenaActor, id, {
          recipient: 'CHILDREN_SERVICE',
          way: 'LETTER',
          reference: '01-12/345',
        }),
      );
      expect(told).toMatchObject({
        ok: true,
        value: { notice: { reference: '01-12/345', specialistId: w.olena.id } },
      });
      expect(await w.queue.close(id, w.olena, 'REFERRED_CHILDREN_SERVICE')).toMatchObject({
        ok: true,
        value: { status: 'CLOSED' },
      });
      const actions = (await w.auditOf(id)).map((e) => e.action);
      expect(actions.filter((a) => a === 'case.notice_recorded')).toHaveLength(2);
      expect(actions.at(-1)).toBe('request.closed');
    });

    it('an urgent report also owes the police; a duplicate owes nothing of its own', async () => {
      const urgent = await w.answeredCase({ category: 'VIOLENCE', urgency: 'URGENT' });
      const refused = await w.queue.close(urgent, w.olena, 'REFERRED_POLICE');
      expect(
        refused.ok || refused.error.code !== 'NOTICE_OWED' ? [] : refused.error.owed.map((o) => o.kind),
      ).toEqual(['POLICE_NOTICE', 'CHILDREN_SERVICE_NOTICE']);
      expect((await w.queue.close(urgent, w.olena, 'DUPLICATE')).ok).toBe(true);
    });

    it('a consultation closes without notices', async () => {
      const id = await w.answeredCase({ kind: 'CONSULTATION', category: 'PARENTING' });
      expect((await w.queue.close(id, w.olena, 'CONSULTED')).ok).toBe(true);
    });
  });

  describe('transfer', () => {
    it('moves record, notes, notices and thread to the new centre; the old centre loses access', async () => {
      const id = await w.answeredCase({ category: 'NEGLECT' });
      await w.inTx(async (ctx) => {
        expect((await addNote(ctx, w.olenaActor, id, 'Мати каже, що переїхали до Краматорська.')).ok).toBe(
          true,
        );
        expect(
          (
            await updateRecord(ctx, w.olenaActor, id, {
              caseCategory: 'NEGLECT.SUPERVISION',
              address: 'вул. Миру, 5, кв. 2',
            })
          ).ok,
        ).toBe(true);
        expect(
          (
            await recordNotice(ctx, w.olenaActor, id, {
              recipient: 'CHILDREN_SERVICE',
              way: 'PHONE',
              reference: null,
            })
          ).ok,
        ).toBe(true);
      });
      // A colleague who does not hold the case may read it but not move it.
      expect(
        await w.inTx((ctx) =>
          transferCase(ctx, w.tarasActor, id, { toCentreId: 'district', reason: 'FAMILY_MOVED' }),
        ),
      ).toMatchObject({ ok: false, error: { code: 'NOT_HOLDER' } });

      const moved = await w.inTx((ctx) =>
        transferCase(ctx, w.olenaActor, id, { toCentreId: 'district', reason: 'FAMILY_MOVED' }),
      );
      expect(moved).toMatchObject({
        ok: true,
        value: {
          fromCentreId: 'hromada',
          request: { centreId: 'district', status: 'NEW', claimedById: null },
        },
      });
      // It waits in the new centre's queue, and the old centre can neither read nor change it.
      expect((await w.queue.list('district')).map((c) => c.id)).toContain(id);
      expect((await w.queue.list('hromada')).map((c) => c.id)).not.toContain(id);
      for (const actor of [w.olenaActor, w.hromadaAdmin]) {
        expect(await w.inTx((ctx) => caseCard(ctx, actor, id))).toMatchObject({
          ok: false,
          error: { code: 'NOT_FOUND' },
        });
        expect(await w.inTx((ctx) => addNote(ctx, actor, id, 'ще одна'))).toMatchObject({
          ok: false,
          error: { code: 'NOT_FOUND' },
        });
      }
      expect((await w.queue.claim(id, w.olena)).ok).toBe(false);

      // The new centre claims it and finds everything that was recorded, and the thread.
      expect((await w.queue.claim(id, w.district)).ok).toBe(true);
      const card = await w.inTx((ctx) => caseCard(ctx, w.districtActor, id));
      expect(card.ok).toBe(true);
      if (!card.ok) return;
      expect(card.value.notes.map((n) => n.text)).toEqual(['Мати каже, що переїхали до Краматорська.']);
      expect(card.value.fields.caseCategory).toBe('NEGLECT.SUPERVISION');
      expect(card.value.address).toBe('вул. Миру, 5, кв. 2');
      expect(card.value.notices.map((n) => n.recipient)).toEqual(['CHILDREN_SERVICE']);
      expect((await w.store.messages.thread(id)).map((m) => m.author)).toEqual(['SPECIALIST']);

      // The reporter's conversation continues: their next message lands on the same case.
      expect((await w.queue.addReporterMessage(id, 'Ми вже на новій адресі')).ok).toBe(true);
      expect((await w.store.messages.thread(id)).map((m) => m.author)).toEqual(['SPECIALIST', 'REPORTER']);

      const transferred = (await w.auditOf(id)).find((e) => e.action === 'case.transferred');
      expect(JSON.parse(transferred?.detail ?? '{}')).toMatchObject({
        from: 'hromada',
        to: 'district',
        reason: 'FAMILY_MOVED',
      });
    });

    it('keeps the address encrypted in the database and out of the audit trail', async () => {
      const id = await w.answeredCase();
      await w.inTx((ctx) => updateRecord(ctx, w.olenaActor, id, { address: 'вул. Садова, 14' }));
      const row = await w.store.database.prisma.request.findFirst({
        where: { id },
        select: { encryptedAddress: true },
      });
      expect(row?.encryptedAddress).toMatch(/^v1\./);
      expect(row?.encryptedAddress).not.toContain('Садова');
      expect(JSON.stringify(await w.auditOf(id))).not.toContain('Садова');
    });
  });
});
