// The institution's day: its deadlines and cases in words, an objection filed with a receipt shown at once, the list
// of what it has submitted, unread messages counted on the menu.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { assertNoRawCodes, browser, caseFor, type Session, shot, signIn } from './support.ts';

void describe('institution', () => {
  let b: Session;
  let page: Page;
  let caseNo: string;
  before(async () => {
    caseNo = await caseFor('OBJECTION_WINDOW'); // registered, proposed and approved through the API
    b = await browser();
    page = await b.page();
    await signIn(page, 'institution');
  });
  after(async () => { await b?.close(); });

  void it('opens on its own credit page with the case in words and an unread count on 消息通知', async () => {
    await page.getByText('需要答复的期限').waitFor();
    const row = page.getByRole('row').filter({ hasText: caseNo }).filter({ hasText: '可在异议期内提出异议' });
    await row.first().waitFor({ timeout: 90_000 });
    await page.getByTestId('unread-count').waitFor();
    await shot(page, 'institution-portal');
    await assertNoRawCodes(page, 'the portal');
  });

  void it('files an objection and gets a receipt with number and time', async () => {
    const row = page.getByRole('row').filter({ hasText: caseNo }).filter({ hasText: '异议期' }).first();
    await row.getByRole('button', { name: '提出异议' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('异议理由').fill('我校已于上月取得办学许可证，请予核实。');
    await dialog.getByRole('button', { name: '提交' }).click();
    const receipt = page.getByTestId('submission-receipt');
    await receipt.waitFor();
    assert.match(await receipt.innerText(), new RegExp(`回执号：${caseNo}-YY1`));
    await page.getByRole('button', { name: '知道了' }).click();
    await page.getByTestId('my-submissions').getByText(`${caseNo}-YY1`).waitFor();
    await assertNoRawCodes(page, 'the portal after the objection');
  });

  void it('reads its case page with the behaviour named', async () => {
    await page.getByRole('link', { name: caseNo }).first().click();
    await page.getByTestId('behaviour').waitFor();
    assert.doesNotMatch(await page.getByTestId('behaviour').innerText(), /EDU-/);
    await assertNoRawCodes(page, 'the case page');
  });

  void it('logged no console error', () => {
    assert.deepEqual(b.problems, []);
  });
});
