// The retention rules with a fixed clock: which instant each kind of data is due at, the order of
// the steps, and that a dry run only counts.
import { describe, expect, it } from 'vitest';
import { configSchema, loadConfig } from '../../../../src/config.js';
import {
  cutoffs,
  RETENTION_STEPS,
  type RetentionStep,
  type RetentionStore,
  runRetention,
} from '../../../../src/core/retention/policy.js';

const NOW = new Date('2026-06-01T03:00:00Z');
const clock = { now: () => NOW };
const periods = configSchema.parse({ telegram: { mode: 'off' }, viber: { enabled: false } }).retention;
const daysBefore = (days: number) => new Date(NOW.getTime() - days * 86_400_000);

class RecordingStore implements RetentionStore {
  calls: string[] = [];
  async count(step: RetentionStep) {
    this.calls.push(`count ${step}`);
    return 1;
  }
  async apply(step: RetentionStep) {
    this.calls.push(`apply ${step}`);
    return 2;
  }
  async settle() {
    this.calls.push('settle');
  }
}

describe('retention rules', () => {
  it('defaults: case words 180 days after closing, update ids 7, sent outbox 1, idle chats 30', () => {
    const due = cutoffs(NOW, periods);
    expect(due.caseThreads).toEqual(daysBefore(180));
    expect(due.closedCases).toEqual(daysBefore(180));
    expect(due.processedUpdates).toEqual(daysBefore(7));
    expect(due.sentOutbox).toEqual(daysBefore(1));
    expect(due.failedOutbox).toEqual(daysBefore(7));
    expect(due.idleConversations).toEqual(daysBefore(30));
    expect(due.recentMessageIds).toEqual(new Date(NOW.getTime() - 48 * 3_600_000));
  });

  it('the periods come from RETENTION_* variables; a bad one is named', () => {
    const env = { RETENTION_CLOSED_CASE_DAYS: '365', RETENTION_SENT_OUTBOX_DAYS: '2' };
    expect(loadConfig(env).retention).toMatchObject({ closedCaseDays: 365, sentOutboxDays: 2 });
    expect(() => loadConfig({ RETENTION_PROCESSED_UPDATE_DAYS: '-1' })).toThrow(
      /RETENTION_PROCESSED_UPDATE_DAYS/,
    );
  });

  it('a run applies every step in order, cases before the handles that wrote them, then settles', async () => {
    const store = new RecordingStore();
    const counts = await runRetention(store, clock, periods, { dryRun: false });
    expect(store.calls).toEqual([...RETENTION_STEPS.map((s) => `apply ${s}`), 'settle']);
    expect(RETENTION_STEPS.indexOf('closedCases')).toBeLessThan(RETENTION_STEPS.indexOf('reporterHandles'));
    expect(counts.caseThreads).toBe(2);
  });

  it('a dry run only counts', async () => {
    const store = new RecordingStore();
    const counts = await runRetention(store, clock, periods, { dryRun: true });
    expect(store.calls).toEqual(RETENTION_STEPS.map((s) => `count ${s}`));
    expect(Object.values(counts)).toEqual(RETENTION_STEPS.map(() => 1));
  });
});
