// The officer's day: the worklist, a new lead registered against an institution found by name, the proposal of a
// determination, the case list searched by name and exported, the institution's file. No raw code on any screen.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { assertNoRawCodes, BASE_URL, browser, expectStage, QIMINGXING, type Session, shot, signIn } from './support.ts';

void describe('officer', () => {
  let b: Session;
  let page: Page;
  before(async () => {
    b = await browser();
    page = await b.page();
    await signIn(page, 'officer');
  });
  after(async () => { await b?.close(); });

  void it('opens on the worklist with the office by name and the bureau from the settings', async () => {
    await page.getByRole('heading', { name: '我的待办' }).waitFor();
    assert.equal(await page.getByTestId('current-office').innerText(), '校外培训监管科');
    assert.match(await page.getByTestId('bureau-name').innerText(), /连云港市连云区教育局/);
    await page.getByRole('button', { name: /导出Excel/ }).waitFor();
    await shot(page, 'officer-worklist');
    await assertNoRawCodes(page, 'the worklist');
  });

  void it('registers a lead by behaviour title and proposes a determination', async () => {
    await page.getByRole('link', { name: '登记线索' }).click();
    await page.getByLabel('被登记机构').fill('启明星');
    await page.getByText(`${QIMINGXING.name}（${QIMINGXING.uscc}）`).click();
    await page.getByLabel(/失信行为/).click();
    await page.locator('.ant-select-item-option').filter({ hasText: '擅自举办校外培训机构' }).click();
    await page.getByLabel('违法失信事实').fill('群众投诉该机构未取得办学许可证开展学科类培训，经现场检查属实。');
    await page.getByRole('button', { name: '登记并开始调查' }).click();
    await page.waitForURL(/\/cases\/LY-\d{4}-\d{6}$/);
    await expectStage(page, '调查');
    await page.getByRole('button', { name: '领取并办理' }).first().click();
    const form = page.getByTestId('task-form-investigate');
    await form.getByText('一般', { exact: true }).click();
    await form.getByLabel('调查情况及拟认定意见').fill('经查属实，拟认定为一般失信行为，责令限期整改。');
    await form.getByRole('button', { name: '提交' }).click();
    await expectStage(page, '审核');
    const waiting = await page.getByTestId('waiting-for').innerText();
    assert.doesNotMatch(waiting, /^待办：/, 'one colon after 当前等待');
    assert.match(await page.getByTestId('waiting-for-whom').innerText(), /审核人/);
    // the diagram fits the 1366 px screen on one row
    const diagram = page.getByRole('list', { name: '案件流程' });
    assert.ok(await diagram.evaluate((el) => el.scrollWidth <= el.clientWidth + 1), 'the lifecycle diagram fits');
    await shot(page, 'officer-case');
    await assertNoRawCodes(page, 'the case page');
  });

  void it('finds the institution’s cases by typing its name, and its file lists them with 登记线索', async () => {
    await page.getByRole('link', { name: '案件查询' }).click();
    await page.getByPlaceholder('机构名称、统一社会信用代码或案件编号').fill('启明星');
    await page.getByRole('button', { name: '查询' }).click();
    await page.getByRole('row').filter({ hasText: QIMINGXING.name }).first().waitFor();
    await assertNoRawCodes(page, 'the case list');
    await page.goto(`${BASE_URL}/institutions/${QIMINGXING.uscc}`);
    await page.getByTestId('institution-cases').getByRole('row').nth(1).waitFor();
    await page.getByTestId('register-lead').waitFor();
    await assertNoRawCodes(page, 'the institution file');
  });

  // issue #18 (国家发展改革委令第36号): a 警告 by simplified procedure is 轻微 — recorded, never published; the clerk
  // is told so before saving (saving it is covered over HTTP: test/e2e/credit/publication-rules.e2e-spec.ts)
  void it('enters a simple-procedure warning and is told it is not published (轻微失信)', async () => {
    await page.goto(`${BASE_URL}/publicity`);
    const form = page.getByRole('tabpanel').filter({ has: page.getByText('决定书文号') });
    const select = async (label: string, option: string) => {
      // the selected value's label lies over the search input: click where a person would
      await form.getByLabel(label, { exact: true }).click({ force: true });
      await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: option }).first().click();
    };
    const date = async (label: string, value: string) => {
      await form.getByLabel(label, { exact: true }).click();
      await form.getByLabel(label, { exact: true }).fill(value);
      await form.getByLabel(label, { exact: true }).press('Enter');
    };
    const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10); // Beijing's date
    await form.getByLabel('行政相对人名称', { exact: true }).fill(QIMINGXING.name);
    await form.getByLabel('统一社会信用代码', { exact: true }).fill(QIMINGXING.uscc);
    await form.getByLabel('法定代表人', { exact: true }).fill('王某');
    await form.getByLabel('决定书文号', { exact: true }).fill(`连区教罚简〔${today.slice(0, 4)}〕${Date.now() % 100000}号`);
    await select('程序', '简易程序');
    await form.getByLabel('违法行为类型', { exact: true }).fill('未按规定公示收费项目');
    await form.getByLabel('违法事实', { exact: true }).fill('该机构未在经营场所公示收费项目和标准。');
    await form.getByLabel('处罚依据', { exact: true }).fill('《江苏省校外培训机构管理办法》');
    await select('处罚类别', '警告');
    await page.keyboard.press('Escape');
    await form.getByLabel('处罚内容', { exact: true }).fill('警告');
    await date('处罚决定日期', today);
    await date('处罚有效期', today);
    await form.getByLabel('处罚机关统一社会信用代码', { exact: true }).fill('11320703MB0000000W');
    await form.getByLabel('数据来源单位统一社会信用代码', { exact: true }).fill('11320703MB0000000W');
    await page.getByTestId('not-published').filter({ hasText: '不予公示（轻微失信）' }).waitFor();
    await shot(page, 'officer-minor-penalty');
    await assertNoRawCodes(page, 'the publicity form');
  });

  void it('opens 信用修复申请 and 自然人查询; an ID number is searched without being left on the screen', async () => {
    await page.getByRole('link', { name: '信用修复申请' }).click();
    await page.getByRole('heading', { name: '信用修复申请' }).waitFor();
    await page.getByRole('button', { name: '窗口登记申请' }).waitFor();
    await assertNoRawCodes(page, 'the repair list');
    await page.getByRole('link', { name: '自然人查询' }).click();
    const id = '11010519491231002X'; // valid check character (GB 11643); no such person in the demo data
    await page.getByLabel('证件号码').fill(id);
    await page.getByRole('button', { name: '查询' }).click();
    await page.getByText('未找到该证件号码的自然人').waitFor();
    assert.ok(!(await page.locator('body').innerText()).includes(id), 'the full ID number is not shown');
    await assertNoRawCodes(page, 'the person search');
  });

  void it('logged no console error', () => {
    assert.deepEqual(b.problems, []);
  });
});
