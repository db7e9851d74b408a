// Who may see and do what in the staff console: the rules behind every page and action.
import { describe, expect, it } from 'vitest';
import type { CaseView, Centre, Directory } from '../../../../src/core/model.js';
import { caseAccess, type Staff, visibleCentreIds } from '../../../../src/core/staff/access.js';

const centre = (id: string, oblastId: string, parentId: string | null): Centre => ({
  id,
  level: parentId ? 'CITY' : 'OBLAST',
  nameUk: id,
  nameRu: id,
  oblastId,
  addressUk: null,
  addressRu: null,
  phone: null,
  email: null,
  hoursUk: null,
  hoursRu: null,
  lat: 0,
  lon: 0,
  needsConfirmation: false,
  parentId,
  coverage: [],
});

const directory: Directory = {
  units: [],
  centres: [
    centre('dn-oblast', 'donetska', null),
    centre('dn-kramatorsk', 'donetska', 'dn-oblast'),
    centre('dn-sloviansk', 'donetska', 'dn-oblast'),
    centre('kh-oblast', 'kharkivska', null),
  ],
};

const staff = (id: string, centreId: string, role: Staff['role'] = 'SPECIALIST'): Staff => ({
  id,
  centreId,
  role,
  displayName: id,
  active: true,
});

const request = (centreId: string, status: CaseView['status'], claimedById: string | null = null) =>
  ({ id: 'r1', caseCode: 'AB-CDEF', centreId, status, claimedById }) as CaseView;

describe('case access', () => {
  const anna = staff('anna', 'dn-kramatorsk');

  it('lets a specialist claim what waits in their own queue and act on what they hold', () => {
    expect(caseAccess(anna, request('dn-kramatorsk', 'NEW'), directory)).toBe('claim');
    expect(caseAccess(anna, request('dn-kramatorsk', 'ESCALATED'), directory)).toBe('claim');
    expect(caseAccess(anna, request('dn-kramatorsk', 'ANSWERED', 'anna'), directory)).toBe('hold');
  });

  it("shows a colleague's case and a closed one read-only", () => {
    expect(caseAccess(anna, request('dn-kramatorsk', 'CLAIMED', 'borys'), directory)).toBe('read');
    expect(caseAccess(anna, request('dn-kramatorsk', 'CLOSED', 'anna'), directory)).toBe('read');
  });

  it("hides another centre's case, also from its admin, and everything from a switched-off specialist", () => {
    expect(caseAccess(anna, request('dn-sloviansk', 'NEW'), directory)).toBe('none');
    expect(
      caseAccess(staff('adm', 'dn-kramatorsk', 'ADMIN'), request('dn-sloviansk', 'NEW'), directory),
    ).toBe('none');
    expect(caseAccess({ ...anna, active: false }, request('dn-kramatorsk', 'NEW'), directory)).toBe('none');
  });

  it('lets an oblast supervisor read every centre of their oblast, claim only in their own, and nothing beyond', () => {
    const oksana = staff('oksana', 'dn-oblast', 'SUPERVISOR');
    expect(visibleCentreIds(oksana, directory).sort()).toEqual([
      'dn-kramatorsk',
      'dn-oblast',
      'dn-sloviansk',
    ]);
    expect(caseAccess(oksana, request('dn-sloviansk', 'NEW'), directory)).toBe('read');
    expect(caseAccess(oksana, request('dn-sloviansk', 'CLAIMED', 'someone'), directory)).toBe('read');
    expect(caseAccess(oksana, request('dn-oblast', 'ESCALATED'), directory)).toBe('claim');
    expect(caseAccess(oksana, request('kh-oblast', 'NEW'), directory)).toBe('none');
  });

  it('gives a specialist and an admin only their own centre', () => {
    expect(visibleCentreIds(anna, directory)).toEqual(['dn-kramatorsk']);
    expect(visibleCentreIds(staff('adm', 'dn-oblast', 'ADMIN'), directory)).toEqual(['dn-oblast']);
  });
});
