// The administrator's day: users found by search, roles in words, a role change that asks first, offices by name,
// the holiday screen; and a new officer's first sign-in (own password, authenticator, recovery codes).
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { assertNoRawCodes, browser, type Session, shot, signIn } from './support.ts';
import { login } from '../browser.mjs';

const { totpCode } = createRequire(import.meta.url)('../../../dist/src/auth/totp.js') as { totpCode: (s: string) => string };

void describe('admin', () => {
  let b: Session;
  let page: Page;
  before(async () => {
    b = await browser();
    page = await b.page();
    await signIn(page, 'admin');
  });
  after(async () => { await b?.close(); });

  void it('finds a user by name, shows roles in Chinese and asks before changing a role', async () => {
    await page.getByRole('heading', { name: '系统管理' }).waitFor();
    await page.getByPlaceholder('按用户名、姓名或统一社会信用代码查找').fill('inst1');
    const row = page.getByRole('row').filter({ hasText: 'inst1' });
    await row.first().waitFor();
    assert.match(await row.first().innerText(), /机构/);
    assert.doesNotMatch(await page.locator('.ant-table').first().innerText(), /\binstitution\b/);
    await page.getByPlaceholder('按用户名、姓名或统一社会信用代码查找').fill('officer1');
    await page.getByRole('row').filter({ hasText: 'officer1' }).locator('.ant-select').first().click();
    await page.getByTitle('审核人').click();
    const dialog = page.getByRole('dialog');
    assert.match(await dialog.innerText(), /将由“经办人”改为“审核人”/);
    await dialog.getByRole('button', { name: '取消' }).click();
    await shot(page, 'admin-users');
    await assertNoRawCodes(page, 'the user list');
  });

  void it('lets a new officer set its own password and bind an authenticator at the first sign-in', async () => {
    const username = `e2e-${Date.now().toString(36)}`;
    await page.getByPlaceholder('按用户名、姓名或统一社会信用代码查找').fill('');
    await page.getByRole('button', { name: '新建账号' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('用户名').fill(username);
    await dialog.getByLabel('姓名').fill('新来的经办');
    await dialog.getByLabel('科室').click();
    await page.locator('.ant-select-item-option[title="校外培训监管科"]').click();
    await dialog.getByLabel('初始密码').fill('Chushi#Mima-2026');
    await dialog.getByRole('button', { name: '创建' }).click();
    await page.getByText('账号已创建').waitFor();

    const fresh = await b.page();
    await login(fresh, username, 'Chushi#Mima-2026');
    await fresh.getByRole('heading', { name: '账号安全' }).waitFor();
    await fresh.getByLabel('当前密码').fill('Chushi#Mima-2026');
    await fresh.getByLabel('新密码', { exact: true }).fill('Ziji-de#Mima-2027');
    await fresh.getByLabel('再次输入新密码').fill('Ziji-de#Mima-2027');
    await fresh.getByRole('button', { name: '修改密码' }).click();
    await fresh.getByRole('button', { name: '开始绑定动态口令' }).click();
    const secret = ((await fresh.getByTestId('totp-secret').textContent()) ?? '').match(/[A-Z2-7]{32}/)?.[0] ?? '';
    await fresh.getByLabel('验证器上的 6 位口令').fill(totpCode(secret));
    await fresh.getByRole('button', { name: '确认绑定' }).click();
    await fresh.getByTestId('recovery-codes').waitFor();
    assert.equal(await fresh.getByTestId('recovery-codes').locator('code').count(), 10, 'ten recovery codes, shown once');
    await fresh.getByRole('button', { name: '我已保存恢复码，继续' }).click();
    await fresh.getByRole('heading', { name: '我的待办' }).waitFor();
    await fresh.close();
  });

  void it('shows offices by name and the holiday screen', async () => {
    await page.getByRole('tab', { name: '节假日调整' }).click();
    await page.getByRole('button', { name: '提交调整申请' }).waitFor();
    await assertNoRawCodes(page, 'the holiday screen');
  });

  void it('previews a policy change against the version in force before proposing it', async () => {
    await page.getByRole('tab', { name: '政策参数' }).click();
    const objection = page.getByLabel('异议期（工作日）');
    await objection.waitFor();
    assert.equal(await page.getByText('异议期（工作日）', { exact: true }).count(), 1, 'each figure once');
    const now = Number(await objection.inputValue());
    await objection.fill(String(now + 1));
    await page.getByLabel('发布说明（依据、文号）').fill('浏览器测试：只预览，不提交');
    await page.getByRole('button', { name: '预览改动' }).click();
    const dialog = page.getByRole('dialog');
    const diff = dialog.getByTestId('policy-diff');
    await diff.waitFor();
    assert.equal(await diff.locator('tbody tr').count(), 1);
    assert.match(await diff.locator('tbody tr').innerText(), new RegExp(`异议期（工作日）\\s+${now}\\s+${now + 1}`));
    await dialog.getByRole('button', { name: '返回修改' }).click();
    await assertNoRawCodes(page, 'the policy editor');
  });

  void it('logged no console error', () => {
    assert.deepEqual(b.problems, []);
  });
});
