// The public's lookup, without signing in: the bureau named from its settings, an institution found by name, its
// public status, no ID number, no raw code; and the login page's first words.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { api, assertNoRawCodes, BASE_URL, browser, QIMINGXING, type Session, shot } from './support.ts';

void describe('public', () => {
  let b: Session;
  let page: Page;
  before(async () => {
    b = await browser();
    page = await b.page();
  });
  after(async () => { await b?.close(); });

  void it('names the bureau from the document settings on the login page, and refuses a wrong password in words', async () => {
    await page.goto(`${BASE_URL}/login`);
    await page.getByTestId('bureau-name').filter({ hasText: '连云港市连云区教育局' }).waitFor();
    await page.getByLabel('用户名').fill('officer1');
    await page.getByLabel('密码', { exact: true }).fill('wrong-password');
    await page.getByRole('button', { name: '登录' }).click();
    await page.getByRole('alert').waitFor();
    assert.match(await page.getByRole('alert').innerText(), /[\u4e00-\u9fa5]/);
    await assertNoRawCodes(page, 'the login page');
  });

  void it('finds the institution without showing any ID number', async () => {
    await page.goto(`${BASE_URL}/public`);
    await page.getByText('连云港市连云区教育局').first().waitFor();
    await page.getByLabel('查询机构').fill('启明星');
    await page.getByRole('button', { name: '查询' }).click();
    await page.getByText(QIMINGXING.name).first().click();
    await page.getByTestId('public-status').waitFor();
    const text = await page.locator('body').innerText();
    assert.ok(!text.includes(QIMINGXING.id), 'the legal representative\'s ID number is not shown');
    assert.doesNotMatch(text, /\b\d{17}[\dX]\b/, 'no full ID number of anyone is shown');
    await shot(page, 'public-lookup');
    await assertNoRawCodes(page, 'the public page');
  });

  // issue #18, 双随机一公开: a plan drawn, a result recorded, the plan published by an approver — then the public page
  // shows the plan's scope and seed and the result with its public wording, to anyone, without signing in
  void it('shows a published inspection plan and its results (一公开)', async () => {
    const title = `一公开浏览器测试抽查${Date.now().toString(36)}`;
    const plan = await api<{ id: string; targets: { uscc: string }[] }>('officer', 'POST', '/inspection-plans',
      { title, officeCode: 'XWPX', institutionType: 'off_campus_training', inspectorsPerTarget: 1 });
    assert.ok(plan.targets.length > 0, 'the plan drew at least one institution');
    const finding = '办学许可证、收费公示和安全制度齐全';
    await api('officer', 'PUT', `/inspection-plans/${plan.id}/targets/${plan.targets[0].uscc}/result`, { result: 'pass', findings: '现场检查记录见附件', publicFinding: finding });
    await api('approver', 'POST', `/inspection-plans/${plan.id}/publish`, {});

    await page.goto(`${BASE_URL}/public`);
    const section = page.getByTestId('inspections');
    await section.getByText(title).first().click();
    await section.getByText('随机种子').waitFor();
    await section.getByRole('row').filter({ hasText: finding }).filter({ hasText: '未发现问题' }).waitFor();
    assert.doesNotMatch(await section.innerText(), /现场检查记录见附件/, 'the internal findings stay internal');
    await shot(page, 'public-inspections');
    await assertNoRawCodes(page, 'the public inspection results');
  });

  void it('logged no console error', () => {
    // the wrong password answers 401, which Chromium logs as a failed resource: that one is expected
    assert.deepEqual(b.problems.filter((p) => !/status of 401/.test(p)), []);
  });
});
