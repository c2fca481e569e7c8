import { ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { ApiMetrics } from '../../../src/ops/api-metrics';
import { createTestApp, TestApp } from '../../support/app';
import { makeIdNumber, makeUscc } from '../../support/factories';
import { auth, doTask } from '../../support/http-case';
import { freePort, sample, scrape, scrapeWhenUp } from '../../support/metrics';

const WORKER = resolve(__dirname, '../../../dist/src/worker.js');
const TOKEN = 'metrics-test-token-0123456789';

/**
 * Prometheus metrics on their own loopback listeners (issue #21 item 2): the API's state gauges and HTTP latency,
 * the worker's process metrics, and the Temporal SDK's worker metrics, against the real API, a worker process as
 * production runs it, PostgreSQL, Redis and Temporal. The series must move when a case moves.
 */
describe('metrics', () => {
  let t: TestApp;
  let worker: ChildProcess;
  let apiPort: number;
  const ports = { worker: 0, sdk: 0 };

  beforeAll(async () => {
    process.env.METRICS_CACHE_MS = '0'; // every scrape reads afresh, so a move shows at once
    t = await createTestApp();
    apiPort = t.app.get(ApiMetrics).port!;
    ports.worker = await freePort();
    ports.sdk = await freePort();
    const bundle = resolve(__dirname, '../../../var/test-workflow-bundle.js');
    worker = spawn(process.execPath, [WORKER], {
      stdio: 'ignore',
      env: {
        ...process.env, ...(existsSync(bundle) ? { WORKFLOW_BUNDLE_PATH: bundle } : {}),
        WORKER_METRICS_PORT: String(ports.worker), TEMPORAL_METRICS_PORT: String(ports.sdk), METRICS_TOKEN: TOKEN,
      },
    });
  }, 60_000);

  afterAll(async () => {
    delete process.env.METRICS_CACHE_MS;
    if (worker && worker.exitCode === null) await new Promise((done) => { worker.once('exit', done); worker.kill('SIGTERM'); });
    await t?.close();
  });

  it('serves the API\'s metrics on a listener of its own, never under the public /api', async () => {
    expect(apiPort).toBeGreaterThan(0);
    const { status, text } = await scrape(apiPort);
    expect(status).toBe(200);
    for (const name of ['educredit_cases_open', 'educredit_tasks_overdue', 'educredit_deadlines_due_today', 'educredit_cases_blocked',
      'educredit_outbox_pending', 'educredit_outbox_oldest_age_seconds', 'educredit_escalation_delay_seconds', 'educredit_queue_jobs',
      'educredit_http_request_duration_seconds']) {
      expect(text).toContain(`# TYPE ${name} `);
    }
    expect(sample(text, 'educredit_queue_jobs', { queue: 'notifications', state: 'failed' })).toBeGreaterThanOrEqual(0);
    // the public port has no metrics: /api/metrics is unknown, and /metrics is at most the console's page
    await t.http().get('/api/metrics').expect(404);
    expect((await t.http().get('/metrics')).text).not.toContain('educredit_');
  });

  it('moves the case and HTTP series when a case is opened and worked', async () => {
    const officer = (await t.loginAs('officer', { officeCode: 'XWPX' })).token;
    const uscc = makeUscc();
    await t.http().post('/api/institutions').set(auth(officer))
      .send({ uscc, name: `指标测试培训学校${uscc.slice(-4)}`, type: 'off_campus_training', legalRepresentative: { name: '陈明', idNumber: makeIdNumber() } })
      .expect(201);
    const before = (await scrape(apiPort)).text;
    const created = { method: 'POST', route: '/api/cases', status: '201' };

    const opened = await t.http().post('/api/cases').set(auth(officer))
      .send({ uscc, behaviourCode: 'EDU-001', facts: '群众投诉该机构未取得办学许可证开展学科类培训', source: 'complaint' }).expect(201);
    const caseNo: string = opened.body.caseNo;
    const first: string = opened.body.stage;
    const mid = (await scrape(apiPort)).text;
    await scrapeWhenUp(ports.worker, TOKEN); // the worker is up and polling before the case has to move
    const done = await doTask(t, officer, caseNo, 'investigate', { summary: '经查属实', severity: 'general' });
    const after = (await scrape(apiPort)).text;

    const open = (text: string, stage: string) => sample(text, 'educredit_cases_open', { stage });
    expect(open(mid, first)).toBe(open(before, first) + 1);
    expect(done.case.stage).not.toBe(first);
    expect(open(after, first)).toBe(open(before, first));
    expect(open(after, done.case.stage)).toBe(open(before, done.case.stage) + 1);
    expect(sample(after, 'educredit_deadlines_due_today', { owner: 'staff' })).toBeGreaterThanOrEqual(0);
    const count = (text: string) => sample(text, 'educredit_http_request_duration_seconds_count', created);
    expect(count(after)).toBe(count(before) + 1);
    // the route template, never the raw URL with its case number
    expect(after).toContain('route="/api/tasks/:id/complete"');
    expect(after).not.toContain(caseNo);
  }, 90_000);

  it('serves the worker\'s metrics behind the bearer token, and the Temporal SDK\'s worker metrics', async () => {
    expect((await scrape(ports.worker)).status).toBe(401);
    expect((await scrape(ports.worker, 'wrong-token-wrong-token')).status).toBe(401);
    const text = await scrapeWhenUp(ports.worker, TOKEN);
    expect(sample(text, 'educredit_worker_process_resident_memory_bytes')).toBeGreaterThan(0);
    expect(text).toContain('# TYPE educredit_credit_chains_broken gauge');
    const sdk = await scrapeWhenUp(ports.sdk);
    // the case above ran its workflow tasks on this worker
    expect(sdk).toMatch(/^temporal_workflow_task_execution_latency\w*_count\{[^}]*\} [1-9]/m);
  });
});
