import { totpCode, TOTP_PERIOD_S } from '../src/auth/totp';

/**
 * Prints the current 6-digit code of a base32 TOTP secret, what an authenticator app would show: for the demo
 * accounts (scripts/demo-data.ts) and scripted checks. Usage: node dist/scripts/totp-code.js <secret> [--next]
 * (`--next` gives the following step's code, for a second sign-in within the same 30 seconds).
 */
const [secret, flag] = process.argv.slice(2);
if (!secret || !/^[A-Z2-7]+=*$/i.test(secret)) {
  console.error('usage: totp-code.js <base32 secret> [--next]');
  process.exit(2);
}
console.log(totpCode(secret.toUpperCase(), Date.now() + (flag === '--next' ? TOTP_PERIOD_S * 1000 : 0)));
