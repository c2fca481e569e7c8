// What every role's browser test shares: the demo accounts, sign-in (UI and API), the checks that fail a page showing a
// raw code or logging a console error, and screenshots. Node runs these files as TypeScript (type stripping).
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import type { BrowserContext, Page } from 'playwright-core';
import { BASE_URL, launch, login, shot } from '../browser.mjs';

export { BASE_URL, shot };
export type Role = 'officer' | 'approver' | 'manager' | 'institution' | 'admin';
interface DemoUser { username: string; password: string; totpSecret: string | null; role: string; uscc: string | null }

const require = createRequire(import.meta.url);
// the demo accounts (scripts/demo-data.ts) and the API's own RFC 6238 codes, both built into dist/ by the test command
const { DEMO_USERS, DEMO_INSTITUTIONS } = require('../../../dist/scripts/demo-data.js') as { DEMO_USERS: DemoUser[]; DEMO_INSTITUTIONS: { uscc: string; name: string; id: string }[] };
const { totpCode } = require('../../../dist/src/auth/totp.js') as { totpCode: (secret: string, at?: number) => string };
// node-postgres from the API's own dependencies (no type package installed for it): the one query needs only this much
const { Client } = require('pg') as { Client: new (o: { connectionString?: string }) => {
  connect(): Promise<void>; end(): Promise<void>; query(sql: string): Promise<{ rows: Record<string, unknown>[] }>;
} };

export const USERS = Object.fromEntries((['officer', 'approver', 'manager', 'institution', 'admin'] as Role[])
  .map((role) => [role, DEMO_USERS.find((u) => u.role === role) as DemoUser])) as Record<Role, DemoUser>;
export const QIMINGXING = DEMO_INSTITUTIONS[0];

/**
 * Authenticator codes to try in turn: the server refuses a step already used (replay), and the files sign the same demo
 * users in seconds apart. The current step, the next (inside the server's ±1 window), then, once the step has turned,
 * the one after.
 */
async function* codes(secret: string): AsyncGenerator<string> {
  yield totpCode(secret);
  yield totpCode(secret, Date.now() + 30_000);
  await new Promise((r) => setTimeout(r, 31_000 - (Date.now() % 30_000)));
  // the step has turned, but the code yielded just before belongs to it: the one after is the first nobody has used
  yield totpCode(secret, Date.now() + 30_000);
}

/** Words a person must never read: behaviour codes, office codes, machine error codes. */
export async function rawCodesOn(page: Page): Promise<string[]> {
  const text = await page.locator('body').innerText();
  const offices = await officeCodes();
  return [...new Set([
    ...(text.match(/EDU-\d+/g) ?? []), ...(text.match(/[A-Z_]{6,}/g) ?? []),
    ...offices.filter((c) => new RegExp(`(^|[^A-Za-z])${c}([^A-Za-z]|$)`).test(text)),
  ])];
}

let officeList: string[] | null = null;
/** The office codes, read from the test database (the public page has no one to sign in as). */
async function officeCodes(): Promise<string[]> {
  if (!officeList) {
    const db = new Client({ connectionString: process.env.DATABASE_URL });
    await db.connect();
    try {
      officeList = (await db.query('SELECT code FROM offices')).rows.map((r) => String(r.code));
    } finally {
      await db.end();
    }
  }
  return officeList;
}

export async function assertNoRawCodes(page: Page, where: string): Promise<void> {
  assert.deepEqual(await rawCodesOn(page), [], `raw codes visible on ${where}`);
}

export interface Session { context: BrowserContext; page(): Promise<Page>; problems: string[]; close(): Promise<void> }

/** A browser whose every console error and page error is recorded: a role's test ends by asserting there were none. */
export async function browser(): Promise<Session> {
  const b = await launch();
  const newPage = b.page.bind(b);
  return {
    ...b,
    async page() {
      const page: Page = await newPage();
      page.on('console', (m) => {
        // a refused sign-in is answered 401 by design (and retried with a fresh code), which Chromium logs as an error
        const refusedSignIn = page.url().endsWith('/login') && /status of 401/.test(m.text());
        if (m.type() === 'error' && !refusedSignIn) b.problems.push(`${page.url()}: ${m.text()}`);
      });
      return page;
    },
  };
}

/** Signs in through the login form, as a person would (with a fresh authenticator code, see browser.mjs). */
export async function signIn(page: Page, role: Role): Promise<void> {
  const u = USERS[role];
  await login(page, u.username, u.password, u.totpSecret ?? undefined);
}

const tokens = new Map<Role, string>();
/** A bearer token for setting up a test's starting point through the API (not what the test is about). */
export async function apiToken(role: Role): Promise<string> {
  const cached = tokens.get(role);
  if (cached) return cached;
  const u = USERS[role];
  let last = '';
  for await (const totp of u.totpSecret ? codes(u.totpSecret) : [undefined]) {
    const res = await fetch(`${BASE_URL}/api/auth/login`, {
      method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ username: u.username, password: u.password, totp }),
    });
    if (res.ok) {
      const token = ((await res.json()) as { accessToken: string }).accessToken;
      tokens.set(role, token);
      return token;
    }
    last = `${res.status} ${await res.text()}`;
  }
  throw new Error(`${role} could not sign in through the API: ${last}`);
}

export async function api<T>(role: Role, method: string, path: string, body?: unknown): Promise<T> {
  const res = await fetch(`${BASE_URL}/api${path}`, {
    method, headers: { Authorization: `Bearer ${await apiToken(role)}`, 'Content-Type': 'application/json' }, body: body ? JSON.stringify(body) : undefined,
  });
  const answer = await res.json().catch(() => null);
  if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${JSON.stringify(answer)}`);
  return answer as T;
}

/** Claims and completes a case's task of that kind as the role would from its worklist. */
export async function doTask(role: Role, caseNo: string, kind: string, body: Record<string, unknown>): Promise<void> {
  for (let i = 0; i < 60; i++) {
    const list = await api<{ items: { id: string; kind: string }[] }>(role, 'GET', `/tasks?caseNo=${caseNo}`);
    const task = list.items.find((t) => t.kind === kind);
    if (task) {
      await api(role, 'POST', `/tasks/${task.id}/claim`);
      await api(role, 'POST', `/tasks/${task.id}/complete`, body);
      return;
    }
    await new Promise((r) => setTimeout(r, 500)); // the workflow opens the task a moment after the previous step
  }
  throw new Error(`no ${kind} task for ${caseNo}`);
}

/** A new case against 启明星, registered by the officer; optionally taken as far as the objection window. */
export async function caseFor(stage: 'INVESTIGATION' | 'APPROVAL' | 'OBJECTION_WINDOW'): Promise<string> {
  const c = await api<{ caseNo: string }>('officer', 'POST', '/cases', {
    uscc: QIMINGXING.uscc, behaviourCode: 'EDU-001', source: 'complaint', facts: '群众投诉该机构未取得办学许可证开展学科类培训，经现场检查属实。',
  });
  if (stage === 'INVESTIGATION') return c.caseNo;
  await doTask('officer', c.caseNo, 'investigate', { summary: '经查属实，拟认定为一般失信行为。', severity: 'general', measures: ['责令限期整改'] });
  if (stage === 'APPROVAL') return c.caseNo;
  await doTask('approver', c.caseNo, 'approve-determination', { summary: '同意经办人意见。', decision: 'approve' });
  return c.caseNo;
}

export async function expectStage(page: Page, label: string): Promise<void> {
  await page.getByTestId('case-stage').filter({ hasText: new RegExp(`^${label}$`) }).waitFor({ timeout: 90_000 });
}
