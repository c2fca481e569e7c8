// What a first visit to /login downloads before the form shows, as Chromium received it (compressed or not), and
// apart from it what the page loads afterwards while the person types (the worklist's code, preloaded when idle).
// bench/web-first-load.bench.ts starts the server and runs this with BASE_URL; prints one JSON line.
import { BASE_URL, launch } from './browser.mjs';

const b = await launch();
try {
  const page = await b.page();
  const responses = [];
  page.on('response', (r) => responses.push(r));
  // the instant the form is in the page, on the page's own clock, to tell its requests from later ones
  await page.addInitScript(() => {
    new MutationObserver((_, seen) => {
      if (!document.querySelector('input[autocomplete="username"]')) return;
      window.__formAt = performance.now();
      seen.disconnect();
    }).observe(document, { childList: true, subtree: true });
  });
  await page.goto(`${BASE_URL}/login`);
  await page.getByLabel('用户名').waitFor();
  await page.waitForLoadState('networkidle');
  const { formAt, started } = await page.evaluate(() => ({
    formAt: window.__formAt,
    started: Object.fromEntries(performance.getEntriesByType('resource').map((e) => [new URL(e.name).pathname, e.startTime])),
  }));
  const files = [];
  for (const r of responses) {
    const path = new URL(r.url()).pathname;
    if (!/\.(js|css)$/.test(path)) continue;
    const headers = await r.allHeaders();
    files.push({
      path,
      encodedBytes: (await r.request().sizes()).responseBodySize,
      bytes: (await r.body()).length,
      encoding: headers['content-encoding'] ?? 'identity',
      cacheControl: headers['cache-control'] ?? '',
      // started after the form was in the page (a file with no resource entry counts as before it)
      afterForm: started[path] !== undefined && started[path] > formAt,
    });
  }
  process.stdout.write(`${JSON.stringify({ files, problems: b.problems })}\n`);
} finally {
  await b.close();
}
