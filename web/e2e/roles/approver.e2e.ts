// The approver's day: the worklist with a proposal waiting, approval from the case page, the statistics page.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { assertNoRawCodes, browser, caseFor, expectStage, type Session, shot, signIn } from './support.ts';

void describe('approver', () => {
  let b: Session;
  let page: Page;
  let caseNo: string;
  before(async () => {
    caseNo = await caseFor('APPROVAL'); // the officer's proposal, made through the API
    b = await browser();
    page = await b.page();
    await signIn(page, 'approver');
  });
  after(async () => { await b?.close(); });

  void it('claims the proposal from the worklist and approves it', async () => {
    await page.getByRole('heading', { name: '我的待办' }).waitFor();
    const row = page.getByRole('row').filter({ hasText: caseNo });
    await row.first().waitFor({ timeout: 90_000 });
    await shot(page, 'approver-worklist');
    await assertNoRawCodes(page, 'the worklist');
    await row.getByRole('button', { name: '领取' }).click();
    const form = page.getByTestId('task-form-approve-determination');
    await form.waitFor();
    await form.getByText('同意认定').click();
    await form.getByLabel('审核意见').fill('同意经办人意见。');
    await form.getByRole('button', { name: '提交' }).click();
    await expectStage(page, '告知及异议期');
    assert.match(await page.getByTestId('decision-date').innerText(), /审核通过/);
    await assertNoRawCodes(page, 'the case page');
  });

  void it('reads the statistics with each indicator’s definition', async () => {
    await page.getByRole('link', { name: '统计分析' }).click();
    await page.getByTestId('statistics-table').getByText('失信行为认定').first().waitFor();
    await assertNoRawCodes(page, 'the statistics page');
  });

  void it('logged no console error', () => {
    assert.deepEqual(b.problems, []);
  });
});
