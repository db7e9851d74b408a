// The legal deadlines of a case, computed from its facts with an injected "now": a report of
// violence, neglect or a child left without care owes the children's service a notice within 24 h;
// an urgent one owes the police a notice within 1 h; every report about a child owes a needs
// assessment within 5 working days, skipping weekends and the configured public holidays.
import { describe, expect, it } from 'vitest';
import { fromLocalTime } from '../../../../src/core/casework/calendar.js';
import {
  alertsDue,
  type CaseworkPolicy,
  DEFAULT_CASEWORK_POLICY,
  deadlinesOf,
  isOverdue,
  metLate,
  nextOwed,
  owedToClose,
} from '../../../../src/core/casework/deadlines.js';
import type { CaseFacts, CaseFields, Recipient } from '../../../../src/core/casework/model.js';
import type { CaseView } from '../../../../src/core/model.js';

const at = (iso: string) => new Date(iso);
const hours = (d: Date, h: number) => new Date(d.getTime() + h * 3_600_000);

// Tuesday 2 March 2027, 10:00 in Kyiv (08:00 UTC; winter time, UTC+2).
const INTAKE = at('2027-03-02T08:00:00Z');

function facts(
  request: Partial<CaseView> = {},
  fields: Partial<CaseFields> = {},
  notices: { recipient: Recipient; sentAt: Date }[] = [],
): CaseFacts {
  return {
    request: {
      id: 'r1',
      caseCode: 'AB-CDE',
      kind: 'CONCERN',
      category: 'NEGLECT',
      urgency: 'NORMAL',
      status: 'ANSWERED',
      centreId: 'hromada',
      claimedById: 's1',
      claimedAt: INTAKE,
      leaseExpiresAt: null,
      escalationLevel: 0,
      outcome: null,
      language: 'uk',
      channel: 'TELEGRAM',
      unitId: null,
      description: '',
      contactPhone: null,
      contactPreference: null,
      createdAt: INTAKE,
      ...request,
    },
    fields: {
      intakeSource: null,
      caseCategory: null,
      riskLevel: null,
      childAge: null,
      childSex: null,
      assessedAt: null,
      hasAddress: false,
      ...fields,
    },
    notices,
  };
}

const kinds = (f: CaseFacts, policy = DEFAULT_CASEWORK_POLICY) => deadlinesOf(f, policy).map((d) => d.kind);
const due = (f: CaseFacts, kind: string, policy = DEFAULT_CASEWORK_POLICY) =>
  deadlinesOf(f, policy).find((d) => d.kind === kind)?.dueAt;

describe('which deadlines a case carries', () => {
  it('a report of neglect owes the children’s service a notice within 24 hours of intake', () => {
    expect(kinds(facts())).toEqual(['CHILDREN_SERVICE_NOTICE', 'NEEDS_ASSESSMENT']);
    expect(due(facts(), 'CHILDREN_SERVICE_NOTICE')).toEqual(hours(INTAKE, 24));
  });

  it('so does violence and a child left without care; bullying does not', () => {
    for (const category of ['VIOLENCE', 'LEFT_WITHOUT_CARE'])
      expect(kinds(facts({ category }))).toContain('CHILDREN_SERVICE_NOTICE');
    expect(kinds(facts({ category: 'BULLYING' }))).toEqual(['NEEDS_ASSESSMENT']);
  });

  it('the specialist’s own category decides once recorded', () => {
    expect(kinds(facts({ category: 'BULLYING' }, { caseCategory: 'VIOLENCE.PSYCHOLOGICAL' }))).toContain(
      'CHILDREN_SERVICE_NOTICE',
    );
    expect(kinds(facts({ category: 'NEGLECT' }, { caseCategory: 'DIFFICULT_CIRCUMSTANCES' }))).toEqual([
      'NEEDS_ASSESSMENT',
    ]);
    // A consultation that turns out to be violence is a report about a child from then on.
    expect(kinds(facts({ kind: 'CONSULTATION', category: 'PARENTING' }))).toEqual([]);
    expect(
      kinds(facts({ kind: 'CONSULTATION', category: 'PARENTING' }, { caseCategory: 'VIOLENCE' })),
    ).toContain('CHILDREN_SERVICE_NOTICE');
  });

  it('an urgent report owes the police a notice within 1 hour', () => {
    const urgent = facts({ urgency: 'URGENT', category: 'VIOLENCE' });
    expect(kinds(urgent)).toEqual(['POLICE_NOTICE', 'CHILDREN_SERVICE_NOTICE', 'NEEDS_ASSESSMENT']);
    expect(due(urgent, 'POLICE_NOTICE')).toEqual(hours(INTAKE, 1));
  });

  it('every period comes from the deployment’s policy', () => {
    const policy: CaseworkPolicy = {
      ...DEFAULT_CASEWORK_POLICY,
      childrenServiceNoticeMinutes: 12 * 60,
      policeNoticeMinutes: 30,
      assessmentWorkingDays: 3,
    };
    const urgent = facts({ urgency: 'URGENT' });
    expect(due(urgent, 'POLICE_NOTICE', policy)).toEqual(new Date(INTAKE.getTime() + 30 * 60_000));
    expect(due(urgent, 'CHILDREN_SERVICE_NOTICE', policy)).toEqual(hours(INTAKE, 12));
    // Tuesday + 3 working days = Friday, end of day in Kyiv.
    expect(due(urgent, 'NEEDS_ASSESSMENT', policy)).toEqual(at('2027-03-05T22:00:00Z'));
  });
});

describe('the needs assessment: 5 working days', () => {
  it('from a Tuesday, ends with the next Tuesday (Kyiv time)', () => {
    expect(due(facts(), 'NEEDS_ASSESSMENT')).toEqual(at('2027-03-09T22:00:00Z'));
  });

  it('skips the weekend: from a Friday evening, ends with the next Friday', () => {
    const friday = at('2027-03-05T17:30:00Z'); // 19:30 in Kyiv
    expect(due(facts({ createdAt: friday }), 'NEEDS_ASSESSMENT')).toEqual(at('2027-03-12T22:00:00Z'));
  });

  it('counts the local day: 23:30 on Sunday in Kyiv is still Sunday although UTC says so too late', () => {
    // 21:30 UTC Sunday = 23:30 Kyiv Sunday; 22:30 UTC Sunday = 00:30 Kyiv Monday.
    expect(due(facts({ createdAt: at('2027-03-07T21:30:00Z') }), 'NEEDS_ASSESSMENT')).toEqual(
      at('2027-03-12T22:00:00Z'),
    );
    expect(due(facts({ createdAt: at('2027-03-07T22:30:00Z') }), 'NEEDS_ASSESSMENT')).toEqual(
      at('2027-03-15T22:00:00Z'),
    );
  });

  it('skips configured public holidays (8 March here)', () => {
    const policy: CaseworkPolicy = {
      ...DEFAULT_CASEWORK_POLICY,
      calendar: { timeZone: 'Europe/Kyiv', holidays: ['2027-03-08'] },
    };
    expect(due(facts(), 'NEEDS_ASSESSMENT', policy)).toEqual(at('2027-03-10T22:00:00Z'));
  });

  it('ends at local midnight across the switch to summer time (UTC+3 from 28 March 2027)', () => {
    const thursday = at('2027-03-25T08:00:00Z');
    expect(due(facts({ createdAt: thursday }), 'NEEDS_ASSESSMENT')).toEqual(at('2027-04-01T21:00:00Z'));
  });

  it('is met by the recorded assessment', () => {
    const assessed = facts({}, { assessedAt: at('2027-03-04T09:00:00Z') });
    const d = deadlinesOf(assessed, DEFAULT_CASEWORK_POLICY).find((x) => x.kind === 'NEEDS_ASSESSMENT');
    expect(d?.metAt).toEqual(at('2027-03-04T09:00:00Z'));
    expect(d && isOverdue(d, at('2027-04-01T00:00:00Z'))).toBe(false);
  });
});

describe('notices, closing and alerts', () => {
  const notice = (recipient: Recipient, sentAt: Date) => ({ recipient, sentAt });

  it('a notice to the children’s service meets its deadline; one sent late is met late', () => {
    const onTime = deadlinesOf(
      facts({}, {}, [notice('CHILDREN_SERVICE', hours(INTAKE, 3))]),
      DEFAULT_CASEWORK_POLICY,
    );
    expect(onTime[0]).toMatchObject({ kind: 'CHILDREN_SERVICE_NOTICE', metAt: hours(INTAKE, 3) });
    expect(metLate(onTime[0] as never)).toBe(false);
    const late = deadlinesOf(
      facts({}, {}, [notice('CHILDREN_SERVICE', hours(INTAKE, 30))]),
      DEFAULT_CASEWORK_POLICY,
    );
    expect(metLate(late[0] as never)).toBe(true);
  });

  it('a referral to a school does not stand in for the children’s service', () => {
    const f = facts({}, {}, [notice('SCHOOL', hours(INTAKE, 1))]);
    expect(owedToClose(deadlinesOf(f, DEFAULT_CASEWORK_POLICY)).map((d) => d.kind)).toEqual([
      'CHILDREN_SERVICE_NOTICE',
    ]);
  });

  it('closing requires the notices, not the assessment', () => {
    const urgent = facts({ urgency: 'URGENT' });
    expect(owedToClose(deadlinesOf(urgent, DEFAULT_CASEWORK_POLICY)).map((d) => d.kind)).toEqual([
      'POLICE_NOTICE',
      'CHILDREN_SERVICE_NOTICE',
    ]);
    const told = facts({ urgency: 'URGENT' }, {}, [
      notice('POLICE', hours(INTAKE, 0.5)),
      notice('CHILDREN_SERVICE', hours(INTAKE, 2)),
    ]);
    expect(owedToClose(deadlinesOf(told, DEFAULT_CASEWORK_POLICY))).toEqual([]);
  });

  it('overdue → first alert → second-level alert 24 hours later, as the clock moves', () => {
    const urgent = facts({ urgency: 'URGENT' });
    const ds = deadlinesOf(urgent, DEFAULT_CASEWORK_POLICY);
    const alerts = (now: Date) =>
      alertsDue(ds, now, DEFAULT_CASEWORK_POLICY).map((a) => `${a.kind}:${a.level}`);
    expect(alerts(hours(INTAKE, 0.5))).toEqual([]);
    expect(alerts(hours(INTAKE, 1.01))).toEqual(['POLICE_NOTICE:1']);
    expect(alerts(hours(INTAKE, 24.5))).toEqual(['POLICE_NOTICE:1', 'CHILDREN_SERVICE_NOTICE:1']);
    expect(alerts(hours(INTAKE, 25.5))).toEqual([
      'POLICE_NOTICE:1',
      'POLICE_NOTICE:2',
      'CHILDREN_SERVICE_NOTICE:1',
    ]);
    expect(alerts(hours(INTAKE, 48.5))).toEqual([
      'POLICE_NOTICE:1',
      'POLICE_NOTICE:2',
      'CHILDREN_SERVICE_NOTICE:1',
      'CHILDREN_SERVICE_NOTICE:2',
    ]);
    // The assessment of Tuesday's report is overdue after the next Tuesday ends in Kyiv.
    expect(alerts(at('2027-03-09T21:59:00Z'))).not.toContain('NEEDS_ASSESSMENT:1');
    expect(alerts(at('2027-03-09T22:01:00Z'))).toContain('NEEDS_ASSESSMENT:1');
  });

  it('a deadline met stops alerting', () => {
    const told = facts({ urgency: 'URGENT' }, {}, [notice('POLICE', hours(INTAKE, 5))]);
    const ds = deadlinesOf(told, DEFAULT_CASEWORK_POLICY);
    expect(alertsDue(ds, hours(INTAKE, 30), DEFAULT_CASEWORK_POLICY).map((a) => a.kind)).not.toContain(
      'POLICE_NOTICE',
    );
  });
});

describe('the next deadline a queue shows', () => {
  it('is the owed one that falls due first: the police hour before the children’s service day', () => {
    const deadlines = deadlinesOf(facts({ urgency: 'URGENT' }), DEFAULT_CASEWORK_POLICY);
    expect(nextOwed(deadlines)).toMatchObject({ kind: 'POLICE_NOTICE', dueAt: hours(INTAKE, 1) });
  });

  it('skips what was met, and is null when nothing is owed', () => {
    const told = facts({ urgency: 'URGENT' }, {}, [{ recipient: 'POLICE', sentAt: hours(INTAKE, 0.5) }]);
    expect(nextOwed(deadlinesOf(told, DEFAULT_CASEWORK_POLICY))?.kind).toBe('CHILDREN_SERVICE_NOTICE');
    const consultation = facts({ kind: 'CONSULTATION', category: 'PARENTING' });
    expect(nextOwed(deadlinesOf(consultation, DEFAULT_CASEWORK_POLICY))).toBeNull();
  });
});

describe('a time typed on the Kyiv wall clock', () => {
  it('is read in Kyiv time, winter (UTC+2) and summer (UTC+3)', () => {
    expect(fromLocalTime('2027-03-02T10:00', 'Europe/Kyiv')?.toISOString()).toBe('2027-03-02T08:00:00.000Z');
    expect(fromLocalTime('2027-07-01T10:00', 'Europe/Kyiv')?.toISOString()).toBe('2027-07-01T07:00:00.000Z');
    expect(fromLocalTime('not a time', 'Europe/Kyiv')).toBeNull();
  });
});
