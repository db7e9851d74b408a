// What a specialist reads when they take a request: everything the person told, in the order they
// told it, and how they want to be reached if they said so. Never who they are.
import { describe, expect, it } from 'vitest';
import type { CaseMessage, CaseView } from '../../../../src/core/model.js';
import { claimedCard } from '../../../../src/core/specialists/case-card.js';
import { i18n } from '../flows/harness.js';

const now = new Date('2025-11-20T10:30:00Z');
const minutesAgo = (n: number) => new Date(now.getTime() - n * 60_000);

const request: CaseView = {
  id: 'req-1',
  caseCode: 'KX-7QP',
  kind: 'CONSULTATION',
  category: 'PARENTING',
  urgency: 'NORMAL',
  status: 'CLAIMED',
  centreId: 'centre',
  claimedById: 'spec-1',
  claimedAt: now,
  leaseExpiresAt: null,
  escalationLevel: 0,
  outcome: null,
  language: 'uk',
  channel: 'VIBER',
  unitId: null,
  description: 'Сину 7 років, після переїзду не спить ночами й боїться гучних звуків. Потрібна порада.',
  contactPhone: '+380671234567',
  contactPreference: 'PHONE; MORNING',
  createdAt: minutesAgo(40),
};

const added = (text: string, at: Date): CaseMessage => ({
  id: text,
  requestId: 'req-1',
  author: 'REPORTER',
  specialistId: null,
  text,
  createdAt: at,
});

const read = (c: CaseView, thread: CaseMessage[], locale: 'uk' | 'ru' = 'uk') =>
  i18n.renderReply(claimedCard(c, thread, { units: [], centres: [] }, locale, now), locale).text;

describe('the case as its claimer sees it', () => {
  it('shows the whole description, the way to call back, and what the person added while it waited', () => {
    const text = read(request, [
      added('Забула: він ще й заїкається.', minutesAgo(30)),
      added('Зручніше після 10.', minutesAgo(5)),
    ]);
    expect(text).toContain('Ви взяли звернення KX-7QP');
    expect(text).toContain('Виховання дитини');
    expect(text).toContain(request.description);
    expect(text).toContain("📞 Телефон для зв'язку: +380671234567");
    expect(text).toContain('Зателефонувати; коли зручно: Зранку (9:00–12:00)');
    expect(text).toMatch(/Людина, 30 хв тому: Забула: він ще й заїкається\.\n💬 Людина, 5 хв тому: Зручніше/);
  });

  it('says nothing of contact or thread when there is none, and speaks Russian to a Russian chat', () => {
    const anonymous = { ...request, contactPhone: null, contactPreference: null };
    const text = read(anonymous, [], 'ru');
    expect(text).toContain('Вы взяли обращение KX-7QP');
    expect(text).toContain(request.description);
    expect(text).not.toMatch(/Телефон|Как связаться|Сообщения по делу|\{\{/);
    expect(text.endsWith(request.description)).toBe(true);
  });

  it('keeps a time the person wrote in their own words as they wrote it', () => {
    const text = read({ ...request, contactPhone: null, contactPreference: 'CHAT; у будні після 18:00' }, []);
    expect(text).toContain('Написати мені тут, у чаті; коли зручно: у будні після 18:00');
    expect(text).not.toContain('Телефон');
  });
});
