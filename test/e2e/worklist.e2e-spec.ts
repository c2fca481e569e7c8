import type { INestApplicationContext } from '@nestjs/common';
import type { Worker } from '@temporalio/worker';
import { createCaseWorker } from '../../src/temporal/create-case-worker';
import { createTestApp, TestApp } from '../support/app';
import { auth, decideCaseChange, followCase } from '../support/http-case';
import { makeIdNumber, makeUscc } from '../support/factories';
import { quietTemporalRuntime, workerContext } from '../support/temporal';
import { createWorklistFixture, FixtureTask, WorklistFixture } from '../support/worklist-fixture';

type Task = FixtureTask & { id: string; caseNo: string; dueDate: string };
const byId = (a: Task, b: Task) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0); // uuid order is the order of their hex text
const SEVERITY_RANK = { minor: 1, general: 2, serious: 3 };
/** The orders the API promises, each ending with the id so that equal due dates still have one order. */
const ORDERS = {
  dueDate: (a: Task, b: Task) => a.dueInDays - b.dueInDays || byId(a, b),
  '-dueDate': (a: Task, b: Task) => b.dueInDays - a.dueInDays || byId(b, a),
  priority: (a: Task, b: Task) => SEVERITY_RANK[b.severity] - SEVERITY_RANK[a.severity] || a.dueInDays - b.dueInDays || byId(a, b),
};

/** The worklist (`GET /api/tasks`) over real HTTP on a small fixture: who sees what, every filter, order and paging. */
describe('worklist over HTTP', () => {
  let t: TestApp;
  let f: WorklistFixture;

  beforeAll(async () => {
    t = await createTestApp();
    f = await createWorklistFixture(t);
    // tasks any office may take are everyone's: one left by another suite would belong in these worklists too
    const [{ n }] = await t.ds.query(
      `SELECT count(*)::int AS n FROM tasks WHERE candidate_office IS NULL AND status IN ('open','claimed') AND case_no NOT LIKE $1`,
      [`${f.tasks.anyOffice.caseNo.slice(0, 10)}%`]);
    if (n) throw new Error(`${n} open tasks without an office from other suites: this suite's expectations assume none`);
  });

  afterAll(async () => {
    // its task of no office would otherwise sit in every officer's worklist in the suites that follow
    if (f) await t.ds.query(`UPDATE tasks SET status = 'cancelled' WHERE case_no = ANY($1) AND status IN ('open','claimed')`, [Object.values(f.tasks).map((x) => x.caseNo)]);
    await t?.close();
  });

  const list = async (who: keyof WorklistFixture['tokens'], query: Record<string, unknown> = {}) => {
    const res = await t.http().get('/api/tasks').query({ pageSize: 100, ...query }).set(auth(f.tokens[who]));
    expect(res.status).toBe(200);
    return res.body as { items: { id: string; [k: string]: unknown }[]; total: number; page: number; pageSize: number };
  };
  const ids = (body: { items: { id: string }[] }) => body.items.map((i) => i.id);
  const expected = (keys: string[], sort: keyof typeof ORDERS = 'dueDate') => keys.map((k) => f.tasks[k]).sort(ORDERS[sort]).map((x) => x.id);
  const OFFICER_A = ['overdueInvestigation', 'objectionReview', 'interview', 'myRectification', 'anyOffice', 'myClaimInOfficeB'];

  it('shows an officer the open tasks of their role in their office, tasks of no office and their own claims, by due date', async () => {
    const body = await list('officerA');
    expect(ids(body)).toEqual(expected(OFFICER_A));
    expect(body.total).toBe(OFFICER_A.length);
    const first = f.tasks.overdueInvestigation;
    expect(body.items[0]).toEqual({
      id: first.id, caseNo: first.caseNo, kind: 'investigate', stage: 'INVESTIGATION', status: 'open', candidateRole: 'officer',
      candidateOffice: f.offices.A, assigneeId: null, dueDate: first.dueDate, followUpDate: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
      priority: 75, overdue: true, provisional: false, workingDaysLeft: expect.any(Number), uscc: f.institutions.X.uscc, institutionName: expect.stringContaining('测试培训学校'), severity: 'serious',
      createdAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/),
    });
  });

  it('hides a colleague\'s claim, approver work, another office\'s tasks and finished tasks from an officer', async () => {
    const seen = ids(await list('officerA'));
    for (const k of ['colleaguesClaim', 'approval', 'otherOffice', 'completed', 'cancelled']) expect(seen).not.toContain(f.tasks[k].id);
  });

  it('shows each person their own view: the other office, the colleague, the approver', async () => {
    expect(ids(await list('officerB'))).toEqual(expected(['otherOffice', 'anyOffice']));
    expect(ids(await list('officerA2'))).toEqual(expected(['overdueInvestigation', 'objectionReview', 'interview', 'colleaguesClaim', 'anyOffice']));
    expect(ids(await list('approverA'))).toEqual(expected(['approval']));
  });

  it('splits the worklist into my claims and tasks waiting to be claimed', async () => {
    const mine = await list('officerA', { scope: 'mine' });
    expect(ids(mine)).toEqual(expected(['myRectification', 'myClaimInOfficeB']));
    expect(mine.total).toBe(2);
    const unassigned = await list('officerA', { scope: 'unassigned' });
    expect(ids(unassigned)).toEqual(expected(['overdueInvestigation', 'objectionReview', 'interview', 'anyOffice']));
    expect(unassigned.total).toBe(4);
    expect(ids(await list('officerA', { scope: 'all' }))).toEqual(expected(OFFICER_A));
  });

  it('sorts by latest due date first, or by priority then due date', async () => {
    expect(ids(await list('officerA', { sort: '-dueDate' }))).toEqual(expected(OFFICER_A, '-dueDate'));
    const byPriority = await list('officerA', { sort: 'priority' });
    expect(ids(byPriority)).toEqual(expected(OFFICER_A, 'priority'));
    expect(byPriority.items.map((i) => i.priority)).toEqual([75, 75, 50, 50, 25, 25]);
  });

  it('pages through the worklist without losing or repeating a task, with the same total on every page', async () => {
    const pages = [];
    for (const page of [1, 2, 3]) pages.push(await list('officerA', { page, pageSize: 2 }));
    expect(pages.flatMap(ids)).toEqual(expected(OFFICER_A));
    expect(pages.map((p) => [p.page, p.pageSize, p.total])).toEqual([[1, 2, 6], [2, 2, 6], [3, 2, 6]]);
    const beyond = await list('officerA', { page: 4, pageSize: 2 });
    expect(beyond).toEqual({ items: [], total: 6, page: 4, pageSize: 2 });
    const reversed = [];
    for (const page of [1, 2]) reversed.push(...ids(await list('officerA', { page, pageSize: 3, sort: '-dueDate' })));
    expect(reversed).toEqual(expected(OFFICER_A, '-dueDate'));
  });

  it.each([
    ['stage', { stage: 'INVESTIGATION' }, ['overdueInvestigation', 'anyOffice']],
    ['case number', () => ({ caseNo: f.tasks.objectionReview.caseNo }), ['objectionReview']],
    ['office', () => ({ officeCode: f.offices.B }), ['myClaimInOfficeB']],
    ['institution', () => ({ uscc: f.institutions.X.uscc }), ['overdueInvestigation', 'objectionReview', 'myClaimInOfficeB']],
    ['severity', { severity: 'serious' }, ['overdueInvestigation', 'myClaimInOfficeB']],
    ['overdue', { overdue: 'true' }, ['overdueInvestigation']],
    ['not overdue', { overdue: 'false' }, ['objectionReview', 'interview', 'myRectification', 'anyOffice', 'myClaimInOfficeB']],
    ['several filters with a scope', { scope: 'unassigned', severity: 'general', overdue: 'false' }, ['objectionReview', 'anyOffice']],
  ] as [string, Record<string, string> | (() => Record<string, string>), string[]][])('filters by %s', async (_, query, keys) => {
    const body = await list('officerA', typeof query === 'function' ? query() : query);
    expect(ids(body)).toEqual(expected(keys));
    expect(body.total).toBe(keys.length);
  });

  it('counts the working days left on each task by the official calendar, so the console asks for no day itself', async () => {
    const task = f.tasks.objectionReview;
    const today = await f.day(0);
    await t.ds.query(`UPDATE tasks SET due_date = $2 WHERE id = $1`, [task.id, today]);
    try {
      const items = (await list('officerA')).items;
      expect(items.find((i) => i.id === task.id)?.workingDaysLeft).toBe(0); // due today
      // three days overdue: minus the working days among the last three, as the calendar says of each
      const checked = await Promise.all([-2, -1, 0].map(async (n) =>
        (await t.http().get('/api/calendar/working-days/check').query({ date: await f.day(n) }).set(auth(f.tokens.officerA)).expect(200)).body.workingDay as boolean));
      expect(items.find((i) => i.id === f.tasks.overdueInvestigation.id)?.workingDaysLeft).toBe(-checked.filter(Boolean).length);
    } finally {
      await t.ds.query(`UPDATE tasks SET due_date = $2 WHERE id = $1`, [task.id, task.dueDate]);
    }
  });

  it('filters by due date, the day itself included', async () => {
    const body = await list('officerA', { dueBefore: await f.day(1) });
    expect(ids(body)).toEqual(expected(['overdueInvestigation', 'objectionReview', 'interview']));
    expect(ids(await list('officerA', { dueBefore: await f.day(-4) }))).toEqual([]);
  });

  it('flags 暂定 a task due in a year whose holidays are not yet published, as the institution\'s deadlines are (issue #21)', async () => {
    const task = f.tasks.interview;
    // test.sh publishes next year; the year after is unknown to the calendar
    const [{ due }] = await t.ds.query(`SELECT (extract(year FROM current_date)::int + 2)::text || '-01-10' AS due`);
    await t.ds.query(`UPDATE tasks SET due_date = $2 WHERE id = $1`, [task.id, due]);
    try {
      const items = (await list('officerA')).items;
      expect(items.filter((i) => i.provisional).map((i) => [i.id, i.dueDate])).toEqual([[task.id, due]]);
    } finally {
      await t.ds.query(`UPDATE tasks SET due_date = $2 WHERE id = $1`, [task.id, task.dueDate]);
    }
  });

  it('answers an institution or a manager with 403 and a bad filter with 400 and a Chinese message', async () => {
    const inst = await t.loginAs('institution', { uscc: f.institutions.X.uscc, officeCode: null });
    expect((await t.http().get('/api/tasks').set(auth(inst.token))).status).toBe(403);
    const manager = await t.loginAs('manager', { officeCode: f.offices.A });
    expect((await t.http().get('/api/tasks').set(auth(manager.token))).status).toBe(403);
    const refused: [Record<string, unknown>, string][] = [
      ...[{ severity: 'huge' }, { scope: 'others' }, { sort: 'name' }, { page: 0 }, { pageSize: 101 }, { dueBefore: '2026-13-40' },
        { overdue: 'yes' }, { stage: 'NOWHERE' }].map((q): [Record<string, unknown>, string] => [q, 'VALIDATION_FAILED']),
      [{ uscc: '91320700ABC' }, 'USCC_INVALID'],
    ];
    for (const [query, code] of refused) {
      const res = await t.http().get('/api/tasks').query(query).set(auth(f.tokens.officerA));
      expect([query, res.status, res.body.code]).toEqual([query, 400, code]);
      expect(res.body.message).toMatch(/[\u4e00-\u9fa5]/);
    }
  });
});

/** The severity filter reads a copy of the case's severity on each task: it must follow the case as it changes. */
describe('worklist severity follows the case', () => {
  let t: TestApp;
  let ctx: INestApplicationContext;
  let worker: Worker;
  let running: Promise<void>;

  beforeAll(async () => {
    quietTemporalRuntime();
    [t, ctx] = await Promise.all([createTestApp(), workerContext()]);
    worker = await createCaseWorker(ctx);
    running = worker.run();
  });

  afterAll(async () => {
    worker?.shutdown();
    await running;
    await t?.close();
    await ctx?.close();
  });

  it('finds an open task under its case\'s corrected severity, and the next task under the severity determined', async () => {
    const officer = (await t.loginAs('officer', { officeCode: 'XWPX' })).token;
    const approver = (await t.loginAs('approver', { officeCode: 'XWPX' })).token;
    const uscc = makeUscc();
    await t.http().post('/api/institutions').set(auth(officer)).send({
      uscc, name: `海州区工作台测试学校${uscc.slice(-4)}`, type: 'off_campus_training',
      legalRepresentative: { name: '王芳', idNumber: makeIdNumber() },
    }).expect(201);
    const opened = await t.http().post('/api/cases').set(auth(officer))
      .send({ uscc, behaviourCode: 'EDU-001', facts: '群众投诉该机构未取得办学许可证开展学科类培训', source: 'complaint' }).expect(201);
    const caseNo = opened.body.caseNo as string;
    const at = async (token: string, severity: string) =>
      (await t.http().get('/api/tasks').query({ caseNo, severity }).set(auth(token)).expect(200)).body.items as { kind: string; severity: string }[];
    const [registered] = (await t.http().get('/api/tasks').query({ caseNo }).set(auth(officer)).expect(200)).body.items;
    const other = registered.severity === 'serious' ? 'minor' : 'serious';
    expect(await at(officer, other)).toEqual([]);

    await decideCaseChange(t, { proposer: approver, decider: (await t.loginAs('approver', { officeCode: 'XWPX' })).token, caseNo, action: 'correct',
      body: { severity: other, reason: '核实后更正失信程度' } });
    expect(await at(officer, other)).toEqual([expect.objectContaining({ kind: 'investigate', severity: other })]);
    expect(await at(officer, registered.severity)).toEqual([]);

    const [task] = await at(officer, other) as unknown as { id: string }[];
    await t.http().post(`/api/tasks/${task.id}/claim`).set(auth(officer)).expect(200);
    await t.http().post(`/api/tasks/${task.id}/complete`).set(auth(officer)).send({ summary: '经查属实', severity: 'general' }).expect(200);
    await followCase(t, officer, caseNo, task.id); // the completion answers once accepted; the next task follows
    expect(await at(approver, 'general')).toEqual([expect.objectContaining({ kind: 'approve-determination', severity: 'general' })]);
    expect(await at(approver, other)).toEqual([]);
  });
});
