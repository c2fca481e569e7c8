import { totpCode, TOTP_PERIOD_S } from '../src/auth/totp';
import { findPersonalData } from '../src/publicity/public-text-guard';
import { DEMO_INSTITUTIONS, DEMO_USERS } from './demo-data';

/**
 * The public scan (issue #18): every public answer must be free of ID numbers and mobile numbers, whatever the data
 * behind it. Run by scripts/test-fuzz.sh after schemathesis has fuzzed the API (`node dist/scripts/public-scan.js
 * <base url> <uscc>…`): it reads the OpenAPI document, calls every public GET route with the given institutions and
 * the published inspection plans, and exits 1 naming each find. test/e2e/credit/public-scan.e2e-spec.ts uses
 * `personalDataIn` on a database seeded with personal data in every field.
 */

// identifiers, digests and seeds are hex or UUIDs, whose digit runs can look like a phone number by chance
const OPAQUE_KEY = /(^id$|Id$|^hash$|^digest$|^seed$)/;

/** Each ID number (valid check digit) or mobile number in a JSON answer, and each of `known` it contains. */
export function personalDataIn(body: unknown, known: readonly string[] = [], path = '$'): string[] {
  if (typeof body === 'string') {
    const finds = findPersonalData(body).filter((s) => s.kind === 'id_number' || s.kind === 'mobile')
      .map((s) => `${path}: ${s.kind} ${s.masked}`);
    return [...finds, ...known.filter((k) => k && body.includes(k)).map((k) => `${path}: contains “${k.slice(0, 1)}…”`)];
  }
  if (Array.isArray(body)) return body.flatMap((v, i) => personalDataIn(v, known, `${path}[${i}]`));
  if (body && typeof body === 'object') {
    return Object.entries(body).flatMap(([k, v]) => [
      ...personalDataIn(k, known, `${path} key`),
      ...(OPAQUE_KEY.test(k) ? [] : personalDataIn(v, known, `${path}.${k}`)),
    ]);
  }
  return [];
}

interface OpenApi { paths: Record<string, Record<string, { security?: unknown[] }>> }

/** Paths of the public GET routes, each with its parameters filled from `values`, in every combination given. */
export function publicCalls(doc: OpenApi, values: Record<string, string[]>, queries: Record<string, string>[]): string[] {
  const calls: string[] = [];
  for (const [path, ops] of Object.entries(doc.paths)) {
    if (!ops.get || (ops.get.security && ops.get.security.length) || !path.startsWith('/api/public')) continue;
    const params = [...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]);
    const missing = params.filter((p) => !values[p]?.length);
    if (missing.length) throw new Error(`public scan: no value for {${missing.join('}, {')}} of ${path}`);
    const filled = params.reduce<string[]>((paths, p) => paths.flatMap((s) => values[p].map((v) => s.replace(`{${p}}`, encodeURIComponent(v)))), [path]);
    for (const p of filled) for (const q of params.length ? [{}] : queries) calls.push(`${p}${Object.keys(q).length ? `?${new URLSearchParams(q).toString()}` : ''}`);
  }
  return calls;
}

type Call = (method: string, path: string, token?: string, body?: unknown) => Promise<{ status: number; body: any }>;

/** A JSON client that waits out the public rate limit (429 with retryAfterSeconds) instead of failing on it. */
const client = (base: string): Call => async (method, path, token, body) => {
  for (let attempt = 0; ; attempt++) {
    const res = await fetch(`${base}${path}`, {
      method, body: body === undefined ? undefined : JSON.stringify(body),
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    });
    const json = (await res.json().catch(() => null)) as any;
    if (res.status !== 429 || attempt >= 3) return { status: res.status, body: json };
    await new Promise((r) => setTimeout(r, (Number(json?.details?.retryAfterSeconds) || 5) * 1000 + 500));
  }
};

/**
 * Personal data through the API as staff would enter it, with the demo accounts: a penalty whose decision names the
 * legal representative with his ID and mobile numbers (its public text reworded, signed off by the approver), a
 * penalty whose public text carries the ID number (must be refused), and a published inspection plan whose internal
 * findings carry them too.
 */
async function seed(call: Call): Promise<void> {
  // a TOTP code is accepted once per account: the fuzzer may have used this step's code already, so fall back to the next
  const login = async (role: string) => {
    const u = DEMO_USERS.find((x) => x.role === role)!;
    for (const ahead of [0, 1]) {
      const totp = u.totpSecret ? totpCode(u.totpSecret, Date.now() + ahead * TOTP_PERIOD_S * 1000) : undefined;
      const res = await call('POST', '/api/auth/login', undefined, { username: u.username, password: u.password, totp });
      if (res.status === 200) return res.body.accessToken as string;
    }
    throw new Error(`public scan seed: ${u.username} cannot sign in`);
  };
  const [officer, approver] = [await login('officer'), await login('approver')];
  const inst = DEMO_INSTITUTIONS[0];
  const dirty = `法定代表人${inst.rep}（身份证号${inst.id}，手机13812345678）`;
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
  const penalty = (extra: object) => ({
    subjectName: inst.name, subjectCategory: '法人及非法人组织', uscc: inst.uscc, legalRepName: inst.rep, legalRepIdNumber: inst.id,
    decisionNo: `海教罚〔扫描〕${Date.now()}号`, violationType: '超范围培训', procedure: 'general', facts: `${dirty}超范围开展学科类培训`,
    basis: '《校外培训行政处罚暂行办法》第十八条', penaltyCategory: ['罚款'], content: '罚款人民币五千元', fineAmount: 0.5,
    decisionDate: today, validUntil: today, authorityName: '连云港市海州区教育局', authorityCode: '113207060141860828',
    sourceUnitName: '连云港市海州区教育局', sourceUnitCode: '113207060141860828', ...extra,
  });
  const expect = (what: string, res: { status: number; body: any }, status: number) => {
    if (res.status !== status) throw new Error(`public scan seed: ${what} answered ${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  };
  const filed = expect('a penalty with a reworded public text', await call('POST', '/api/publicity/penalties', officer,
    penalty({ publicText: { facts: '该机构超范围开展学科类培训' } })), 201);
  expect('its sign-off', await call('POST', `/api/publicity/public-texts/${filed.publicText.id}/approve`, approver, { hash: filed.publicText.hash }), 200);
  expect('a penalty with an ID number in its public text', await call('POST', '/api/publicity/penalties', officer,
    penalty({ decisionNo: `海教罚〔扫描〕${Date.now()}-2号`, publicText: { facts: dirty } })), 400);
  const plan = expect('an inspection plan', await call('POST', '/api/inspection-plans', officer, { title: '公开扫描抽查', officeCode: 'XWPX', inspectorsPerTarget: 1 }), 201);
  expect('a result', await call('PUT', `/api/inspection-plans/${plan.id}/targets/${plan.targets[0].uscc}/result`, officer,
    { result: 'pass', findings: dirty, publicFinding: '未发现问题' }), 200);
  expect('publishing the plan', await call('POST', `/api/inspection-plans/${plan.id}/publish`, approver, {}), 200);
}

async function main(): Promise<number> {
  const [base, ...flags] = process.argv.slice(2);
  const call = client(base);
  if (flags.includes('--seed')) await seed(call);
  const usccs = DEMO_INSTITUTIONS.map((i) => i.uscc);
  const doc = (await call('GET', '/api/docs-json')).body as OpenApi;
  const plans = ((await call('GET', '/api/public/inspections')).body?.items ?? []).map((p: { id: string }) => p.id);
  const queries: Record<string, string>[] = [{}, ...usccs.map((q) => ({ q })), { kind: 'penalty' }, { kind: 'licence' }];
  const known = DEMO_INSTITUTIONS.map((i) => i.id);
  const finds: string[] = [];
  let calls = 0;
  for (const path of publicCalls(doc, { uscc: usccs, id: plans.length ? plans : ['00000000-0000-4000-8000-000000000000'] }, queries)) {
    const res = await call('GET', path);
    calls++;
    if (res.status === 429) throw new Error(`public scan: still rate-limited at ${path}`);
    finds.push(...personalDataIn(res.body, known).map((f) => `${path} ${f}`));
  }
  console.log(`public scan: ${calls} public answers, ${finds.length} ID or mobile numbers found`);
  for (const f of finds) console.error(`  ${f}`);
  return finds.length ? 1 : 0;
}

if (require.main === module) {
  main().then((code) => process.exit(code), (err) => {
    console.error(err);
    process.exit(1);
  });
}
