import type { NestExpressApplication } from '@nestjs/platform-express';
import type { NextFunction, Request, Response } from 'express';
import { existsSync } from 'node:fs';
import { extname, join, resolve, sep } from 'node:path';

const ASSETS = '/assets/';
/** What the build writes beside each hashed asset (web/vite.config.ts), best first. */
const ENCODINGS = [{ name: 'br', ext: '.br' }, { name: 'gzip', ext: '.gz' }] as const;

/**
 * Serves the built web console (web/dist, built by `npm run build --prefix web`) from the API's own origin, so
 * the browser needs no CORS and helmet's CSP (`script-src 'self'`) covers it as is. Everything under /api stays
 * with Nest; any other GET that asks for HTML gets index.html, so client-side routes survive a reload.
 * Not a controller: the access rules apply to the API the console calls, not to its static files.
 *
 * Hashed assets (/assets/*) are served pre-compressed (brotli or gzip, as the browser accepts) and cached for a year
 * as `immutable`: a new build has new names. index.html is `no-cache`, so a new build is picked up at once.
 */
export function serveWebConsole(app: NestExpressApplication, dir = process.env.WEB_DIST_DIR ?? join(process.cwd(), 'web', 'dist')): boolean {
  const root = resolve(dir);
  if (!existsSync(join(root, 'index.html'))) return false;
  app.use(precompressed(root));
  app.useStaticAssets(join(root, 'assets'), { prefix: ASSETS, index: false, maxAge: '1y', immutable: true });
  app.useStaticAssets(root, { index: false, maxAge: '1h' });
  app.use((req: Request, res: Response, next: NextFunction) => {
    const api = req.path === '/api' || req.path.startsWith('/api/');
    // a missing chunk (an old tab after a new build) must be a 404, not index.html served as a script
    if (api || req.path.startsWith(ASSETS) || (req.method !== 'GET' && req.method !== 'HEAD') || !req.accepts('html')) return next();
    res.setHeader('Cache-Control', 'no-cache');
    // with `root`, express's send checks only the relative path for dot segments: an absolute path under a dot
    // directory (an install in ~/.cache/…) would be refused as a dotfile and every page would answer 404
    res.sendFile('index.html', { root });
  });
  return true;
}

/**
 * Points a request for a hashed asset at its .br or .gz sibling when the browser accepts that encoding; the static
 * handler then sends the sibling with the original file's type. Assets never change under a name, so what exists
 * is looked up once.
 */
function precompressed(root: string) {
  const exists = new Map<string, boolean>();
  const has = (file: string) => {
    if (!exists.has(file)) exists.set(file, existsSync(file));
    return exists.get(file)!;
  };
  return (req: Request, res: Response, next: NextFunction) => {
    if ((req.method !== 'GET' && req.method !== 'HEAD') || !req.path.startsWith(ASSETS)) return next();
    res.vary('Accept-Encoding');
    const file = resolve(root, `.${req.path}`);
    if (!file.startsWith(root + sep)) return next(); // serve-static answers a traversal itself
    // our order, not the header's: browsers list "gzip, deflate, br" and mean any of them, and brotli is smaller
    const encoding = ENCODINGS.find((e) => req.acceptsEncodings(e.name) === e.name && has(file + e.ext));
    if (!encoding) return next();
    res.setHeader('Content-Encoding', encoding.name);
    res.type(extname(file));
    req.url = req.url.replace(req.path, req.path + encoding.ext);
    next();
  };
}
