// The casework screens in words: every text they use exists in Ukrainian and Russian, an overdue
// deadline shows as ⏰ in /queue and /cases, and every button value fits Telegram's 64 bytes.
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { DEFAULT_CASEWORK_POLICY, deadlinesOf } from '../../../../src/core/casework/deadlines.js';
import { CASE_CATEGORY_CODES, RECIPIENTS } from '../../../../src/core/casework/model.js';
import type { CaseView, Centre } from '../../../../src/core/model.js';
import {
  alertReply,
  centreChoice,
  fieldChoice,
  overdueMark,
  reasonChoice,
  recipientChoice,
  recordCard,
  referenceQuestion,
  wayChoice,
} from '../../../../src/core/specialists/casework-replies.js';
import { caseList, queueItem } from '../../../../src/core/specialists/replies.js';
import { createI18n } from '../../../../src/i18n/index.js';

const missing: string[] = [];
const i18n = createI18n(fileURLToPath(new URL('../../../../locales', import.meta.url)), {
  onMissingKey: (key, locale) => missing.push(`${locale}:${key}`),
});
const ID = 'q00mabcdef000001234567890abcdef'; // the longest id storage makes (31 characters)
const INTAKE = new Date('2027-03-02T08:00:00Z');
const c: CaseView = {
  id: ID,
  caseCode: 'AB-CDE',
  kind: 'CONCERN',
  category: 'VIOLENCE',
  urgency: 'URGENT',
  status: 'CLAIMED',
  centreId: 'dn-csss-kramatorsk',
  claimedById: 's1',
  claimedAt: INTAKE,
  leaseExpiresAt: null,
  escalationLevel: 0,
  outcome: null,
  language: 'uk',
  channel: null,
  unitId: null,
  description: 'x',
  contactPhone: null,
  contactPreference: null,
  createdAt: INTAKE,
};
const fields = {
  intakeSource: 'PHONE' as const,
  caseCategory: 'VIOLENCE.PHYSICAL',
  riskLevel: 'HIGH' as const,
  childAge: '6-9' as const,
  childSex: 'FEMALE' as const,
  assessedAt: null,
  hasAddress: true,
};
const deadlines = deadlinesOf({ request: c, fields, notices: [] }, DEFAULT_CASEWORK_POLICY);
const later = new Date(INTAKE.getTime() + 2 * 3_600_000);
const centre = {
  id: 'dn-csss-pokrovsk-long-id',
  nameUk: 'Покровський центр',
  nameRu: 'Покровский центр',
} as Centre;

const replies = [
  recordCard(
    {
      request: c,
      fields,
      address: 'вул. Садова, 14',
      notes: [
        {
          id: 'n',
          requestId: ID,
          specialistId: 's1',
          authorName: 'Олена',
          text: 'Нотатка',
          createdAt: later,
        },
      ],
      notices: [
        {
          id: 'x',
          requestId: ID,
          recipient: 'SCHOOL',
          recipientName: null,
          way: 'PHONE',
          sentAt: later,
          specialistId: 's1',
          reference: '1/2',
          acknowledgedAt: later,
        },
      ],
      deadlines,
    },
    later,
    'Europe/Kyiv',
  ),
  ...[0, 1, 2, 3].map((f) => fieldChoice(c, f)).filter((r) => r !== null),
  recipientChoice(c),
  ...RECIPIENTS.map((_, i) => wayChoice(c, i)),
  referenceQuestion([]),
  centreChoice(c, [centre], 'uk'),
  reasonChoice(),
  alertReply(c, { kind: 'POLICE_NOTICE', level: 2, dueAt: INTAKE }, 'Europe/Kyiv', 'Краматорський центр'),
];

describe('casework screens', () => {
  it('render in both languages with no missing text, and every category has a label', () => {
    for (const locale of ['uk', 'ru'] as const) for (const r of replies) i18n.renderReply(r, locale);
    const categories = fieldChoice(c, 0)?.buttons?.length;
    expect(categories).toBe(CASE_CATEGORY_CODES.length);
    expect(missing).toEqual([]);
  });

  it('keep every button value within 64 bytes', () => {
    for (const r of replies)
      for (const b of (r.buttons ?? []).flat())
        expect(Buffer.byteLength(b.value), b.value).toBeLessThanOrEqual(64);
  });

  it('the card shows the overdue police notice, the address and the note', () => {
    const text = i18n.renderReply(replies[0] as never, 'uk').text;
    expect(text).toContain(
      '⏰ повідомлення поліції (ювенальна превенція) — ПРОСТРОЧЕНО, строк минув 02.03 11:00',
    );
    expect(text).toContain('▫️ повідомлення службі у справах дітей — до 03.03 10:00');
    expect(text).toContain('вул. Садова, 14');
    expect(text).toContain('Олена: Нотатка');
    expect(text).toContain('Насильство — фізичне');
  });

  it('marks overdue cases with ⏰ in /queue and /cases, and leaves the others alone', () => {
    const mark = overdueMark(deadlines, later);
    expect(mark).not.toBeNull();
    if (!mark) return;
    const item = i18n.renderReply(queueItem(c, { units: [], centres: [] }, 'uk', later, mark), 'uk').text;
    expect(item.split('\n')[0]).toBe('⏰ прострочено: поліція');
    const list = i18n.renderReply(caseList([c], null, new Map([[ID, mark]])), 'ru').text;
    expect(list).toContain('⏰ просрочено: полиция');
    expect(overdueMark(deadlines, new Date(INTAKE.getTime() + 30 * 60_000))).toBeNull();
    expect(i18n.renderReply(caseList([c], null), 'uk').text).not.toContain('⏰');
  });
});
