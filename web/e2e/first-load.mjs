// What a first visit to /login downloads before the form shows, as Chromium received it (compressed or not).
// bench/web-first-load.bench.ts starts the server and runs this with BASE_URL; prints one JSON line.
import { BASE_URL, launch } from './browser.mjs';

const b = await launch();
try {
  const page = await b.page();
  const responses = [];
  page.on('response', (r) => responses.push(r));
  await page.goto(`${BASE_URL}/login`);
  await page.getByLabel('用户名').waitFor();
  await page.waitForLoadState('networkidle');
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
    });
  }
  process.stdout.write(`${JSON.stringify({ files, problems: b.problems })}\n`);
} finally {
  await b.close();
}
