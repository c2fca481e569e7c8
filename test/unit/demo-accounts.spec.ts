import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEMO_USERS } from '../../scripts/demo-data';
import { matchTotpStep, totpCode } from '../../src/auth/totp';

/**
 * Issue #14, "API points the checks rely on": the demo staff accounts are enrolled in the second factor, and the
 * README's demo-account table has a `totp secret` column, so the demo and scripted checks can still sign in.
 */
describe('the demo accounts in the README', () => {
  const readme = readFileSync(join(__dirname, '../../README.md'), 'utf8');
  const section = readme.slice(readme.indexOf('### Demo logins'), readme.indexOf('### Try it'));
  const rows = section.split('\n').filter((l) => /^\| \w/.test(l)).map((l) => l.split('|').slice(1, -1).map((c) => c.trim()));

  it('has a totp secret column and lists every demo account with the password and secret the seed gives it', () => {
    expect(rows[0]).toEqual(['role', 'username', 'password', 'totp secret']);
    const listed = rows.slice(1).map(([, username, password, secret]) => ({ username, password, secret }));
    expect(listed).toEqual(DEMO_USERS.map((u) => ({ username: u.username, password: u.password, secret: expect.stringMatching(u.totpSecret ?? /^\(none/) })));
  });

  it('enrols every staff account with a base32 secret an authenticator accepts; institutions choose', () => {
    for (const u of DEMO_USERS) {
      if (u.role === 'institution') continue;
      expect({ username: u.username, secret: u.totpSecret }).toEqual({ username: u.username, secret: expect.stringMatching(/^[A-Z2-7]{32}$/) });
      expect(matchTotpStep(u.totpSecret!, totpCode(u.totpSecret!))).not.toBeNull();
    }
  });
});
