// One case through its whole lifecycle across roles, on the real API, worker, PostgreSQL and Temporal (each role's
// daily work on its own is in roles/*.e2e.ts; scripts/test-web.sh starts everything):
// officer registers a case → approver approves → institution objects, officer and approver reject the objection →
// institution reports its rectification → officer passes it → the manager's dashboard does not count it overdue;
// the public page finds the institution and shows no ID number.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import pg from 'pg';
import { after, before, describe, it } from 'node:test';
import { BASE_URL, launch, login, shot } from './browser.mjs';

const INSTITUTION = { uscc: '52320700MJ58463813', name: '连云港市海州区启明星培训学校', idNumber: '320706198503124417' };
// the demo accounts (scripts/demo-data.ts, built into dist/): username, password and, for staff, the TOTP secret
const { DEMO_USERS } = createRequire(import.meta.url)('../../dist/scripts/demo-data.js');
const USERS = Object.fromEntries(['officer', 'approver', 'manager', 'institution', 'admin']
  .map((role) => DEMO_USERS.find((u) => u.role === role)).map((u) => [u.role, [u.username, u.password, u.totpSecret]]));

/** One statement on the test database (what a test simulates, or reads back); answers its rows. */
async function sql(text, values) {
  const db = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await db.connect();
  try {
    return (await db.query(text, values)).rows;
  } finally {
    await db.end();
  }
}

describe('web console', () => {
  let b;
  const pages = {};
  let caseNo;
  let rectificationDue;

  before(async () => {
    b = await launch();
  });
  after(async () => {
    // the last state of every role's tab, for whoever reads a failure
    for (const [role, page] of Object.entries(pages)) await shot(page, `zz-last-${role}`).catch(() => undefined);
    await b?.close();
  });

  async function as(role) {
    if (!pages[role]) {
      const page = await b.page();
      await login(page, ...USERS[role]);
      pages[role] = page; // only a signed-in tab is kept, so a failed sign-in is retried by the next step
    }
    return pages[role];
  }

  async function openCase(role) {
    const page = await as(role);
    await page.goto(`${BASE_URL}/cases/${caseNo}`);
    await page.getByTestId('case-stage').waitFor();
    return page;
  }

  /** Every submission answers with a receipt (number and time) in a dialog of its own. */
  async function closeReceipt(page) {
    const receipt = page.getByTestId('submission-receipt');
    await receipt.waitFor();
    await page.getByRole('button', { name: '知道了' }).click();
    await receipt.waitFor({ state: 'hidden' });
  }

  async function expectStage(page, label) {
    // the whole label: 调查 is also part of other stages' names
    await page.getByTestId('case-stage').filter({ hasText: new RegExp(`^${label}$`) }).waitFor({ timeout: 90_000 });
  }

  /** Claims the open task of the case and returns its form. */
  async function claim(page, kind) {
    await page.getByRole('button', { name: '领取并办理' }).first().click();
    const form = page.getByTestId(`task-form-${kind}`);
    await form.waitFor();
    return form;
  }

  it('lets the officer register a lead and propose a determination', async () => {
    const page = await as('officer');
    await page.getByRole('heading', { name: '我的待办' }).waitFor();
    await shot(page, '02-worklist-officer');
    await page.getByRole('link', { name: '登记线索' }).click();
    // the form's own validation speaks first
    await page.getByRole('button', { name: '登记并开始调查' }).click();
    await page.getByText('请选择机构').waitFor();
    await page.getByLabel('被登记机构').fill('启明星');
    await page.getByText(`${INSTITUTION.name}（${INSTITUTION.uscc}）`).click();
    await page.getByLabel(/失信行为/).click();
    await page.locator('.ant-select-item-option').filter({ hasText: '擅自举办校外培训机构' }).click(); // titles, not codes
    await page.getByLabel('违法失信事实').fill('群众投诉该机构未取得办学许可证开展学科类培训，经现场检查属实。');
    await page.getByRole('button', { name: '登记并开始调查' }).click();
    await page.waitForURL(/\/cases\/LY-\d{4}-\d{6}$/);
    caseNo = page.url().split('/').pop();
    await expectStage(page, '调查');

    const form = await claim(page, 'investigate');
    await form.getByRole('button', { name: '提交' }).click();
    await form.getByText('请选择拟认定的失信程度').waitFor();
    await form.getByText('请填写办理意见').waitFor();
    await form.getByText('一般', { exact: true }).click();
    await form.getByLabel('调查情况及拟认定意见').fill('经查属实，拟认定为一般失信行为，责令限期整改。');
    await form.getByRole('button', { name: '提交' }).click();
    await expectStage(page, '审核');
    await page.getByTestId('waiting-for').waitFor();
    await shot(page, '03-case-officer');

    // the console states why it read the case: the audit log keeps the screen and the case as the purpose
    const rows = await sql(`SELECT DISTINCT reason FROM audit_log WHERE action = 'case.read' AND resource_id = $1`, [caseNo]);
    assert.deepEqual(rows.map((r) => r.reason), [`案件办理：查看案件 ${caseNo}`]);
  });

  it('lets the approver approve the determination from the worklist', async () => {
    const page = await as('approver');
    await page.getByRole('heading', { name: '我的待办' }).waitFor();
    await page.getByRole('row').filter({ hasText: caseNo }).first().waitFor();
    await shot(page, '04-worklist-approver');
    await page.getByRole('row').filter({ hasText: caseNo }).getByRole('button', { name: '领取' }).click();
    await page.waitForURL(new RegExp(`/cases/${caseNo}$`));
    const form = page.getByTestId('task-form-approve-determination');
    await form.waitFor();
    await form.getByText('同意认定').click();
    await form.getByLabel('审核意见').fill('同意经办人意见。');
    await form.getByRole('button', { name: '提交' }).click();
    await expectStage(page, '告知及异议期');
  });

  it('lets the institution open the notice in its portal, beside the deadline it set', async () => {
    const page = await as('institution');
    await page.goto(`${BASE_URL}/portal/cases/${caseNo}`);
    const deadline = page.getByRole('row').filter({ hasText: '异议' }).filter({ hasText: '失信行为认定告知书' }).first();
    await deadline.getByTestId('countdown').waitFor();
    const notice = page.getByTestId('portal-case-documents').getByRole('row').filter({ hasText: '失信行为认定告知书' });
    const popup = page.waitForEvent('popup');
    const pdf = page.waitForResponse((r) => /\/api\/documents\/[^/]+\/pdf$/.test(new URL(r.url()).pathname));
    await notice.getByRole('button', { name: '查看PDF' }).click();
    const answer = await pdf;
    assert.equal(answer.status(), 200);
    assert.match(answer.headers()['content-type'], /application\/pdf/);
    await (await popup).close();
    await shot(page, '05a-portal-notice');
    await page.goto(`${BASE_URL}/portal`);
  });

  it('lets the institution object within its window, and the bureau reject the objection', async () => {
    const page = await as('institution');
    await page.getByText('需要答复的期限').waitFor();
    // the deadlines table comes first; the case list below also offers 提出异议
    const row = page.getByRole('row').filter({ hasText: caseNo }).filter({ hasText: '异议期' }).first();
    await row.getByTestId('countdown').waitFor();
    assert.match(await row.getByTestId('countdown').innerText(), /剩余 \d+ 个工作日|今天到期/);
    // inst1 consented to electronic service: the notice that set the deadline was served when issued, and is named
    assert.match(await row.getByTestId('deadline-document').innerText(), /失信行为认定告知书（.+〔\d{4}〕\d+号），\d{4}年\d{1,2}月\d{1,2}日送达/);
    await shot(page, '05-portal-objection');
    await row.getByRole('button', { name: '提出异议' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('异议理由').fill('我校已于上月取得办学许可证，请予核实。');
    await dialog.getByRole('button', { name: '提交' }).click();
    await closeReceipt(page);

    const officer = await openCase('officer');
    await expectStage(officer, '异议处理');
    let form = await claim(officer, 'review-objection');
    await form.getByText('建议不予采纳').click();
    await form.getByLabel('复核意见').fill('许可证取得时间晚于违法行为发生时间，异议理由不成立。');
    await form.getByRole('button', { name: '提交' }).click();
    await officer.getByText('等待审核人领取').waitFor();

    const approver = await openCase('approver');
    form = await claim(approver, 'decide-objection');
    await form.getByText('异议不成立').click();
    await form.getByLabel('决定理由').fill('同意复核意见，维持认定。');
    await form.getByRole('button', { name: '提交' }).click();
    await expectStage(approver, '限期整改');
  });

  it('lets the officer download the documents of the case and export the 案卷 from the case page', async () => {
    const page = await openCase('officer');
    const table = page.getByTestId('case-documents');
    const notice = table.getByRole('row').filter({ hasText: '失信行为认定告知书' });
    await notice.waitFor();
    // the institution opened it in its portal (above): its proof of receipt, beside the service date
    await notice.getByTestId('document-opened').waitFor();
    await table.getByRole('row').filter({ hasText: '失信行为认定决定书' }).waitFor();
    let download = page.waitForEvent('download');
    await notice.getByRole('button', { name: '下载PDF' }).click();
    assert.match((await download).suggestedFilename(), /失信行为认定告知书\.pdf$/);
    download = page.waitForEvent('download');
    await notice.getByRole('button', { name: 'Word' }).click();
    assert.match((await download).suggestedFilename(), /\.docx$/);
    download = page.waitForEvent('download');
    await page.getByTestId('export-case-file').click();
    const caseFile = await download;
    assert.match(caseFile.suggestedFilename(), /\.pdf$/);
    assert.ok((await readFile(await caseFile.path())).subarray(0, 5).toString() === '%PDF-');
    // 打印 opens the signed PDF in a tab of its own, where the browser's viewer prints it
    const printed = page.waitForResponse((r) => /\/api\/documents\/[^/]+\/pdf$/.test(new URL(r.url()).pathname));
    const tab = page.waitForEvent('popup');
    await notice.getByRole('button', { name: '打印' }).click();
    assert.equal((await printed).status(), 200);
    await (await tab).close();
    await shot(page, '05b-case-documents');
  });

  it('counts the case as an overdue rectification on the manager dashboard once its deadline has passed', async () => {
    // Time passing is simulated where the report reads it: the deadline row's due date moves into the past, and
    // back before the institution answers below (the portal decides an answer on that row, issue #20). The date is
    // older than any other overdue rectification in the test database, so the case heads the panel's first page
    // (oldest first) — and its absence from that page later means it is no longer counted at all.
    const [due] = await sql(
      `SELECT due_date::text AS due FROM institution_deadlines WHERE case_no = $1 AND kind = 'rectification' AND status = 'open'`, [caseNo]);
    assert.ok(due, 'the case has one open rectification deadline');
    rectificationDue = due.due;
    await sql(`UPDATE institution_deadlines SET due_date = '2025-01-02' WHERE case_no = $1 AND kind = 'rectification' AND status = 'open'`, [caseNo]);
    const page = await as('manager');
    await page.getByRole('heading', { name: '领导看板' }).waitFor();
    const panel = page.locator('.ant-card').filter({ has: page.getByTestId('overdue-rectifications') });
    await panel.getByTestId('overdue-rectifications').waitFor();
    await panel.getByText(caseNo).first().waitFor();
  });

  it('lets the institution submit its rectification report with evidence', async () => {
    // in time: the due date the dashboard test moved into the past is the case's own again
    await sql(`UPDATE institution_deadlines SET due_date = $2 WHERE case_no = $1 AND kind = 'rectification' AND status = 'open'`, [caseNo, rectificationDue]);
    const page = await as('institution');
    await page.reload();
    const row = page.getByRole('row').filter({ hasText: caseNo }).filter({ hasText: '整改期限' }).first();
    await row.getByRole('button', { name: '提交整改报告' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('button', { name: '提交' }).click();
    await dialog.getByText('请上传至少一份证明材料').waitFor();
    await dialog.getByLabel('整改情况').fill('已停止学科类培训，已取得办学许可证，整改完毕。');
    await dialog.locator('input[type=file]').setInputFiles({ name: '整改报告.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4\n% 整改报告：已停止学科类培训。\n%%EOF\n') });
    await dialog.locator('.ant-upload-list-item-done').first().waitFor();
    await shot(page, '06-portal-rectification');
    await dialog.getByRole('button', { name: '提交' }).click();
    await closeReceipt(page);
  });

  it('lets the school record an integrity-education activity and see it in its term report', async () => {
    const page = await as('institution');
    await page.getByRole('link', { name: '诚信教育' }).click();
    await page.getByLabel('活动主题').fill('诚信主题班会');
    await page.getByLabel('活动日期').fill(new Date().toISOString().slice(0, 10));
    await page.getByLabel('活动日期').press('Enter');
    await page.getByLabel('参加人数').fill('45');
    await page.getByRole('button', { name: '保存活动' }).click();
    await page.getByRole('cell', { name: '诚信主题班会' }).first().waitFor();
    await shot(page, '06b-integrity-education');
    await page.getByRole('link', { name: '消息通知' }).click();
    await page.getByRole('heading', { name: '消息通知' }).waitFor();
    await page.locator('.ant-list-item').first().waitFor(); // the deadline notices of the case
    await shot(page, '06c-inbox');
  });

  it('lets the institution sign a credit commitment', async () => {
    const page = await as('institution');
    await page.getByRole('link', { name: '信用承诺' }).click();
    await page.getByLabel('承诺书编号').fill(`CN-E2E-${Date.now()}`);
    await page.getByLabel('承诺内容').fill('本校承诺依法依规办学，不开展违规学科类培训，接受社会监督。');
    await page.getByLabel('签署人').fill('陈明');
    await page.getByRole('button', { name: '签署承诺' }).click();
    await page.getByRole('cell', { name: /本校承诺依法依规办学/ }).first().waitFor();
  });

  it('shows the officer the commitment on the institution page, to be verified once its term has run', async () => {
    const page = await as('officer');
    await page.goto(`${BASE_URL}/institutions/${INSTITUTION.uscc}`);
    const card = page.locator('.ant-card').filter({ hasText: '信用承诺' });
    const row = card.getByRole('row').filter({ hasText: '本校承诺依法依规办学' }).first();
    await row.waitFor();
    await row.getByRole('button', { name: '核实履约' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByText('核实信用承诺履约情况').waitFor();
    // an annual commitment runs to 31 December: it cannot be verified as kept before then
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
    assert.equal(await dialog.getByLabel('已履约').isDisabled(), today < `${today.slice(0, 4)}-12-31`);
    await dialog.getByLabel('核实意见').fill('承诺期限未满，暂不核实。'); // typed, then cancelled: nothing is sent
    await shot(page, '06d-verify-commitment');
    await dialog.getByRole('button', { name: '取消' }).click();
    await dialog.waitFor({ state: 'hidden' });
  });

  it('lets the officer pass the rectification', async () => {
    const page = await openCase('officer');
    await expectStage(page, '整改核查');
    const form = await claim(page, 'verify-rectification');
    await form.getByText('整改通过').click();
    await form.getByLabel('核查意见').fill('经现场核查，整改到位。');
    await form.getByRole('button', { name: '提交' }).click();
    await expectStage(page, '公示期');
    assert.ok(await page.getByTestId('timeline-event').count() >= 8, 'the timeline lists every event');
    await shot(page, '07-case-publicity');
  });

  it('shows the manager a dashboard that does not count the case as an overdue rectification', async () => {
    // answered and passed: not overdue even with a due date long past (as the dashboard test set it)
    await sql(`UPDATE institution_deadlines SET due_date = '2025-01-02' WHERE case_no = $1 AND kind = 'rectification'`, [caseNo]);
    const page = await as('manager');
    await page.reload(); // the manager's tab is still open from when the case was overdue
    await page.getByRole('heading', { name: '领导看板' }).waitFor();
    await page.getByText('科室排名（通报依据）').waitFor();
    await page.waitForLoadState('networkidle');
    const panel = page.locator('.ant-card').filter({ has: page.getByTestId('overdue-rectifications') });
    await panel.waitFor();
    await panel.getByTestId('overdue-rectifications').waitFor();
    assert.equal(await panel.getByText(caseNo).count(), 0, 'the passed rectification is no longer listed as overdue');
    assert.equal(await page.getByText(/功能正在上线中/).count(), 0, 'every dashboard panel has its API');
    await shot(page, '08-dashboard');
    await page.goto(`${BASE_URL}/circular`);
    await page.getByText('关于信用信息归集公示工作情况的通报').waitFor();
    await shot(page, '09-circular');
  });

  it('ran every screen under the API\'s Content Security Policy without errors', () => {
    assert.deepEqual(b.problems, []);
  });
});
