// The time from the click on 登录 to the first row of 我的待办, as a person sees it, on the real API with a seeded
// worklist. bench/web-first-load.bench.ts starts the server and runs this with BASE_URL, PASSWORD, TOTP_SECRET and
// USERNAMES (one officer per run: an authenticator code is accepted once per account); prints one JSON line.
import { BASE_URL, launch, totpCode } from './browser.mjs';

const usernames = (process.env.USERNAMES ?? '').split(',').filter(Boolean);
const b = await launch();
try {
  const runs = [];
  for (const username of usernames) {
    const page = await b.page();
    // the login page once before the measured run: its own load is the first-load figure, not this one
    await page.goto(`${BASE_URL}/login`);
    await page.getByLabel('用户名').fill(username);
    await page.getByLabel('密码', { exact: true }).fill(process.env.PASSWORD);
    await page.getByLabel('动态口令').fill(totpCode(process.env.TOTP_SECRET, Date.now()));
    // timed in the page, from the person's press on 登录 to the frame that first shows a row: neither Playwright's
    // checks before it clicks nor its polling for the row after are the person's wait
    await page.evaluate(() => {
      document.addEventListener('pointerdown', () => { window.__pressedAt = performance.now(); }, { capture: true, once: true });
      const seen = new MutationObserver(() => {
        // a row the person can see (the login page's hidden style warm-up has a table of its own)
        if (![...document.querySelectorAll('.ant-table-tbody tr.ant-table-row')].some((r) => r.checkVisibility())) return;
        seen.disconnect();
        requestAnimationFrame(() => { window.__rowAt = performance.now(); });
      });
      seen.observe(document.body, { childList: true, subtree: true });
    });
    await page.getByRole('button', { name: '登录', exact: true }).click();
    await page.locator('.ant-table-tbody tr.ant-table-row').first().waitFor({ state: 'visible' });
    await page.waitForFunction(() => window.__rowAt !== undefined);
    runs.push(Math.round(await page.evaluate(() => window.__rowAt - window.__pressedAt)));
    await page.close();
  }
  process.stdout.write(`${JSON.stringify({ runs, problems: b.problems })}\n`);
} finally {
  await b.close();
}
