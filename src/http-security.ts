import type { INestApplication } from '@nestjs/common';
import type { RequestHandler } from 'express';
import helmet from 'helmet';
import { validateEnv } from './config/env.schema';

/**
 * The console is served from the API's own origin (src/web-console.ts), so the policy can be strict: scripts,
 * fetches, fonts and images from this origin only, no plugins, no framing, no inline script. Styles alone allow
 * 'unsafe-inline' — Ant Design and ECharts set style attributes and insert <style> elements at run time, and a
 * style cannot run code. Bull Board sets its own, looser policy on its path only (src/platform/bull-board.ts).
 */
export function securityHeaders(): RequestHandler {
  const overTls = helmet(options(true));
  const plain = helmet(options(false));
  // asking browsers to upgrade every request would leave a console reached over plain HTTP (an intranet address,
  // docker-compose's port 3000) without its scripts; only a request that came over TLS gets that directive
  return (req, res, next) => (req.secure ? overTls : plain)(req, res, next);
}

const options = (tls: boolean): Parameters<typeof helmet>[0] => ({
  contentSecurityPolicy: {
    useDefaults: true,
    directives: {
      'default-src': ["'self'"],
      'script-src': ["'self'"],
      'script-src-attr': ["'none'"],
      'style-src': ["'self'", "'unsafe-inline'"],
      'img-src': ["'self'", 'data:', 'blob:'],
      'font-src': ["'self'", 'data:'],
      'connect-src': ["'self'"],
      'worker-src': ["'self'", 'blob:'],
      'object-src': ["'none'"],
      'base-uri': ["'self'"],
      'form-action': ["'self'"],
      'frame-ancestors': ["'none'"],
      'upgrade-insecure-requests': tls ? [] : null,
    },
  },
  frameguard: { action: 'deny' },
  referrerPolicy: { policy: 'no-referrer' },
});

/**
 * Cross-origin calls only from the origins in CORS_ORIGINS (none by default: the console needs none). A browser on
 * any other origin gets no Access-Control-Allow-Origin header and so cannot read an answer.
 */
export function allowConsoleOrigins(app: INestApplication): void {
  const origins = validateEnv(process.env).CORS_ORIGINS.split(',').map((o) => o.trim()).filter(Boolean);
  if (!origins.length) return;
  app.enableCors({
    origin: origins,
    methods: ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE'],
    allowedHeaders: ['Authorization', 'Content-Type', 'X-Access-Reason', 'X-Request-Id'],
    exposedHeaders: ['X-Request-Id', 'Retry-After'],
    credentials: false, // bearer tokens, never cookies, cross-origin
    maxAge: 600,
  });
}

/**
 * The reverse proxies whose X-Forwarded-For and X-Forwarded-Proto Express believes (TRUST_PROXY; none by default).
 * Trusting loopback by default let any local process name its own address, slipping past the login and public
 * limits and writing a chosen IP into audit_log (issue #14 point 7).
 */
export function trustedProxies(): string | false {
  const setting = validateEnv(process.env).TRUST_PROXY.trim();
  return setting === '' || setting === 'none' ? false : setting;
}
