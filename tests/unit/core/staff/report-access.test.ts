// Who may open which statistics page: a centre's own staff their centre (exact), the oblast
// supervisor the roll-up and any of the oblast's centres ("<5" outside their own), nobody else.
import { describe, expect, it } from 'vitest';
import type { Directory } from '../../../../src/core/model.js';
import type { Staff } from '../../../../src/core/staff/access.js';
import { ownReportTarget, reportAccess } from '../../../../src/core/staff/report-access.js';

const centre = (id: string, oblastId: string) =>
  ({ id, oblastId }) as unknown as Directory['centres'][number];
const directory = {
  units: [],
  centres: [centre('oblast', 'donetska'), centre('sloviansk', 'donetska'), centre('kyiv', 'kyivska')],
} as unknown as Directory;
const staff = (centreId: string, role: Staff['role'], active = true): Staff => ({
  id: `${role}-${centreId}`,
  centreId,
  role,
  displayName: 'x',
  active,
});

describe('statistics access', () => {
  it("gives a centre's own staff their centre with exact counts, and nothing else", () => {
    for (const role of ['SPECIALIST', 'ADMIN'] as const) {
      const own = reportAccess(staff('sloviansk', role), directory, { centreId: 'sloviansk' });
      expect(own).toEqual({ scope: { centreId: 'sloviansk' }, exposure: {}, centreIds: [] });
      expect(reportAccess(staff('sloviansk', role), directory, { centreId: 'oblast' })).toBeNull();
      expect(reportAccess(staff('sloviansk', role), directory, { oblast: true })).toBeNull();
    }
  });

  it("gives the supervisor their oblast's roll-up and centres, suppressed outside their own centre", () => {
    const supervisor = staff('oblast', 'SUPERVISOR');
    expect(reportAccess(supervisor, directory, { oblast: true })).toEqual({
      scope: { oblastId: 'donetska' },
      exposure: {},
      centreIds: ['oblast', 'sloviansk'],
    });
    expect(reportAccess(supervisor, directory, { centreId: 'sloviansk' })?.exposure).toEqual({
      sharedOutsideCentre: true,
    });
    expect(reportAccess(supervisor, directory, { centreId: 'oblast' })?.exposure).toEqual({});
    expect(reportAccess(supervisor, directory, { centreId: 'kyiv' })).toBeNull();
    expect(reportAccess(supervisor, directory, { centreId: 'nowhere' })).toBeNull();
  });

  it('refuses everything to a deactivated member, and leads each role to their own page', () => {
    expect(reportAccess(staff('oblast', 'SUPERVISOR', false), directory, { oblast: true })).toBeNull();
    expect(ownReportTarget(staff('oblast', 'SUPERVISOR'))).toEqual({ oblast: true });
    expect(ownReportTarget(staff('sloviansk', 'ADMIN'))).toEqual({ centreId: 'sloviansk' });
  });
});
