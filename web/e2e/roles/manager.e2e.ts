// The manager's day: headline figures and panels of the dashboard, the statistics page, the printable 通报.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { assertNoRawCodes, BASE_URL, browser, type Session, shot, signIn } from './support.ts';

void describe('manager', () => {
  let b: Session;
  let page: Page;
  before(async () => {
    b = await browser();
    page = await b.page();
    await signIn(page, 'manager');
  });
  after(async () => { await b?.close(); });

  void it('opens on the dashboard with its four headline figures', async () => {
    await page.getByRole('heading', { name: '领导看板' }).waitFor();
    for (const id of ['headline-open', 'headline-new', 'headline-overdue-tasks', 'headline-overdue-rectifications']) {
      await page.getByTestId(id).waitFor();
    }
    await page.getByText('科室排名（通报依据）').waitFor();
    await page.waitForLoadState('networkidle');
    assert.equal(await page.getByText(/功能正在上线中/).count(), 0, 'every dashboard panel has its API');
    assert.equal(await page.getByText('未经信用审查').count(), 0);
    await shot(page, 'manager-dashboard');
    await assertNoRawCodes(page, 'the dashboard');
  });

  void it('reads the statistics by quarter and prints the 通报', async () => {
    await page.getByRole('link', { name: '统计分析' }).click();
    await page.getByText('按季度').click();
    await page.getByTestId('statistics-table').getByText(/第\d季度/).first().waitFor();
    await assertNoRawCodes(page, 'the statistics page');
    await page.getByRole('tab', { name: '报送区、市信用办报表' }).click();
    const report = page.getByTestId('periodic-report');
    await report.getByRole('columnheader', { name: '本年累计' }).waitFor();
    await report.getByText('信用审查覆盖率').waitFor();
    assert.match(await page.getByTestId('periodic-report-heading').innerText(), /教育领域信用监管季报[\s\S]*区信用办[\s\S]*第\d季度/);
    await shot(page, 'manager-periodic-report');
    await assertNoRawCodes(page, 'the periodic report');
    await page.goto(`${BASE_URL}/circular`);
    await page.getByText('关于信用信息归集公示工作情况的通报').waitFor();
    assert.doesNotMatch(await page.locator('body').innerText(), /海州区教育局/);
    await assertNoRawCodes(page, 'the 通报');
  });

  void it('logged no console error', () => {
    assert.deepEqual(b.problems, []);
  });
});
