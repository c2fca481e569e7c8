import type { NestExpressApplication } from '@nestjs/platform-express';
import type { NextFunction, Request, Response } from 'express';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Serves the built web console (web/dist, built by `npm run build --prefix web`) from the API's own origin, so
 * the browser needs no CORS and helmet's CSP (`script-src 'self'`) covers it as is. Everything under /api stays
 * with Nest; any other GET that asks for HTML gets index.html, so client-side routes survive a reload.
 * Not a controller: the access rules apply to the API the console calls, not to its static files.
 */
export function serveWebConsole(app: NestExpressApplication, dir = process.env.WEB_DIST_DIR ?? join(process.cwd(), 'web', 'dist')): boolean {
  const index = join(dir, 'index.html');
  if (!existsSync(index)) return false;
  app.useStaticAssets(dir, { index: false, maxAge: '1h' });
  app.use((req: Request, res: Response, next: NextFunction) => {
    const api = req.path === '/api' || req.path.startsWith('/api/');
    if (api || (req.method !== 'GET' && req.method !== 'HEAD') || !req.accepts('html')) return next();
    res.setHeader('Cache-Control', 'no-cache');
    res.sendFile(index);
  });
  return true;
}
