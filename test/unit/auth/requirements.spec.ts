import { requirementsOf } from '../../../src/auth/account';

const DAY = 86_400_000;
const now = new Date('2026-12-08T09:00:00+08:00');
const account = (over: Partial<Parameters<typeof requirementsOf>[0]> = {}) =>
  ({ role: 'officer' as const, mustChangePassword: false, passwordChangedAt: new Date(now.getTime() - 10 * DAY), totpEnabled: true, ...over });

describe('what an account must do after signing in', () => {
  it('asks nothing of an enrolled staff account with a recent password of its own', () => {
    expect(requirementsOf(account(), 90, now)).toEqual([]);
  });

  it('asks for a new password when it was set by someone else, or is older than the maximum age', () => {
    expect(requirementsOf(account({ mustChangePassword: true }), 90, now)).toEqual(['password_change']);
    // changed 2026-09-08 09:00: 91 days before 2026-12-08, one more than PASSWORD_MAX_AGE_DAYS = 90
    expect(requirementsOf(account({ passwordChangedAt: new Date('2026-09-08T09:00:00+08:00') }), 90, now)).toEqual(['password_change']);
    expect(requirementsOf(account({ passwordChangedAt: new Date('2026-09-10T09:00:00+08:00') }), 90, now)).toEqual([]);
  });

  it('asks every staff role for a second factor, and no institution', () => {
    for (const role of ['officer', 'approver', 'manager', 'auditor', 'admin'] as const) {
      expect(requirementsOf(account({ role, totpEnabled: false }), 90, now)).toEqual(['totp_enrolment']);
    }
    expect(requirementsOf(account({ role: 'institution', totpEnabled: false }), 90, now)).toEqual([]);
  });
});
