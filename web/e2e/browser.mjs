// Debian's Chromium driven by playwright-core: never a downloaded browser, a fresh profile every run.
import { mkdtempSync, mkdirSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

export const BASE_URL = process.env.BASE_URL ?? 'http://127.0.0.1:3000';
export const SCREENSHOT_DIR = process.env.SCREENSHOT_DIR ?? join(process.cwd(), 'test-output', 'screenshots');

const ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync',
];

export async function launch() {
  const profile = mkdtempSync(join(tmpdir(), 'edu-credit-chromium-'));
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  // a persistent context is how playwright takes our own --user-data-dir: a new empty one each run
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: ARGS,
    viewport: { width: 1366, height: 768 },
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    acceptDownloads: true,
  });
  // generous: CI shares two cores with the API, the worker, PostgreSQL and Temporal
  context.setDefaultTimeout(Number(process.env.E2E_TIMEOUT_MS ?? 45_000));
  context.setDefaultNavigationTimeout(Number(process.env.E2E_TIMEOUT_MS ?? 45_000));
  const problems = [];
  return {
    context,
    problems,
    /** A new tab: each has its own sessionStorage, so each role signs in on its own tab. */
    async page() {
      const page = await context.newPage();
      page.on('console', (m) => {
        if (m.type() === 'error' && /Content Security Policy|Refused to/.test(m.text())) problems.push(m.text());
      });
      page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
      return page;
    },
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

// the API's own RFC 6238 implementation, built into dist/ by the test command
export const { totpCode } = createRequire(import.meta.url)('../../dist/src/auth/totp.js');

/**
 * Signs in as a person would, typing the authenticator's code when the account has a second factor. The server
 * refuses a step already used (replay) and the test files sign the same demo users in seconds apart: when a code is
 * refused, the next step's code is typed (inside the server's ±1 window), and failing that the current one once the
 * next step has begun.
 */
export async function login(page, username, password, totpSecret) {
  const attempts = totpSecret ? 3 : 1;
  for (let i = 0; i < attempts; i++) {
    if (i === 2) await new Promise((r) => setTimeout(r, 31_000 - (Date.now() % 30_000)));
    await page.goto(`${BASE_URL}/login`);
    await page.getByLabel('用户名').fill(username);
    await page.getByLabel('密码', { exact: true }).fill(password);
    // a code is accepted once per account, and the API set-up of another test may have used this step's and the next
    // one's: try this step's, then the next, then (once the step has turned) the one after, which nobody can have used
    if (totpSecret) await page.getByLabel('动态口令').fill(totpCode(totpSecret, i === 0 ? Date.now() : Date.now() + 30_000));
    await page.getByRole('button', { name: '登录', exact: true }).click();
    if (i === attempts - 1) break;
    const signedIn = await Promise.race([
      page.getByTestId('current-user').waitFor().then(() => true, () => false),
      page.getByRole('alert').waitFor().then(() => false, () => false),
    ]);
    if (signedIn) return;
  }
  await page.getByTestId('current-user').waitFor();
}

export async function shot(page, name) {
  await page.waitForLoadState('networkidle').catch(() => undefined);
  await page.screenshot({ path: join(SCREENSHOT_DIR, `${name}.png`), fullPage: false });
}
