import { describe, expect, it } from 'vitest';
import type { RequestStatus } from '../../../../src/core/model.js';
import {
  canApply,
  isLegalMove,
  QUEUE_ACTIONS,
  REQUEST_STATUSES,
  TRANSITIONS,
  targetStatus,
} from '../../../../src/core/queue/index.js';

// The lifecycle as the centres described it, written out by hand so the table is checked against it.
const LEGAL: ReadonlyArray<[RequestStatus, RequestStatus]> = [
  ['NEW', 'CLAIMED'], // a specialist takes a fresh request
  ['ESCALATED', 'CLAIMED'], // ...or one escalated to their centre
  ['CLAIMED', 'NEW'], // released, or the lease ran out
  ['CLAIMED', 'ESCALATED'], // the same, for a request that had been escalated
  ['ANSWERED', 'NEW'], // the specialist left the centre: a colleague continues the case
  ['ANSWERED', 'ESCALATED'], // the same, for a request that had been escalated
  ['CLAIMED', 'ANSWERED'], // the specialist wrote to the person
  ['ANSWERED', 'ANSWERED'], // and writes again
  ['CLAIMED', 'CLOSED'],
  ['ANSWERED', 'CLOSED'],
  ['NEW', 'ESCALATED'], // nobody took it in time: up to the parent centre
  ['ESCALATED', 'ESCALATED'], // and further up
];

describe('the legal moves of a request', () => {
  for (const from of REQUEST_STATUSES) {
    for (const to of REQUEST_STATUSES) {
      const legal = LEGAL.some(([f, t]) => f === from && t === to);
      it(`${from} -> ${to} is ${legal ? 'allowed' : 'refused'}`, () => {
        expect(isLegalMove(from, to)).toBe(legal);
      });
    }
  }

  it('lets nothing happen to a closed case', () => {
    for (const action of QUEUE_ACTIONS) expect(canApply(action, 'CLOSED')).toBe(false);
  });

  it('lets a specialist claim only what waits in a queue', () => {
    expect(REQUEST_STATUSES.filter((s) => canApply('claim', s))).toEqual(['NEW', 'ESCALATED']);
  });

  it('never escalates a request somebody holds', () => {
    expect(canApply('escalate', 'CLAIMED')).toBe(false);
    expect(canApply('escalate', 'ANSWERED')).toBe(false);
  });

  it('does not let an answered case go back to the queue', () => {
    expect(canApply('release', 'ANSWERED')).toBe(false);
    expect(canApply('expire', 'ANSWERED')).toBe(false);
  });

  it('every target status of every action is itself a legal move from each start', () => {
    for (const action of QUEUE_ACTIONS) {
      for (const from of TRANSITIONS[action].from) {
        for (const to of TRANSITIONS[action].to) expect(isLegalMove(from, to)).toBe(true);
      }
    }
  });
});

describe('where a request goes', () => {
  it('returns a never-escalated request to the queue as NEW', () => {
    expect(targetStatus('release', { escalationLevel: 0 })).toBe('NEW');
    expect(targetStatus('expire', { escalationLevel: 0 })).toBe('NEW');
  });

  it('returns an escalated request to the queue as ESCALATED, so the higher centre sees why', () => {
    expect(targetStatus('release', { escalationLevel: 1 })).toBe('ESCALATED');
    expect(targetStatus('expire', { escalationLevel: 2 })).toBe('ESCALATED');
  });

  it('sends the other actions to their one target', () => {
    expect(targetStatus('claim')).toBe('CLAIMED');
    expect(targetStatus('answer')).toBe('ANSWERED');
    expect(targetStatus('close')).toBe('CLOSED');
    expect(targetStatus('escalate')).toBe('ESCALATED');
  });
});
