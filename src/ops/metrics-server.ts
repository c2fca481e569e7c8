import { createHash, timingSafeEqual } from 'node:crypto';
import { createServer, Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { Registry } from 'prom-client';

const digest = (s: string) => createHash('sha256').update(s).digest();

/** Constant-time check of "Bearer <token>" (hashing first makes the lengths equal). */
export function bearerMatches(header: string | undefined, token: string | undefined): boolean {
  if (!token) return true;
  const given = /^Bearer (.+)$/.exec(header ?? '')?.[1];
  return !!given && timingSafeEqual(digest(given), digest(token));
}

/**
 * A bare HTTP listener that answers GET /metrics in Prometheus text format and nothing else. It is deliberately not
 * a Nest route: it has no session, no audit row and no rate limit, and it lives on its own (loopback) port so the
 * public port's deny-by-default rules stay as they are.
 */
export class MetricsServer {
  private readonly logger = new Logger(MetricsServer.name);
  private server: Server | null = null;

  constructor(
    private readonly registry: Registry,
    private readonly opts: { host: string; port: number; token?: string; name: string },
  ) {}

  /** Resolves with the bound port; a port already taken is logged and the process runs on without metrics. */
  async start(): Promise<number | null> {
    const server = createServer((req, res) => {
      if (req.method !== 'GET' || (req.url ?? '').split('?')[0] !== '/metrics') {
        res.writeHead(404).end();
        return;
      }
      if (!bearerMatches(req.headers.authorization, this.opts.token)) {
        res.writeHead(401, { 'www-authenticate': 'Bearer' }).end();
        return;
      }
      this.registry.metrics().then(
        (text) => res.writeHead(200, { 'content-type': this.registry.contentType }).end(text),
        (err: Error) => {
          this.logger.warn({ err: err.message }, 'metrics collection failed');
          res.writeHead(500).end();
        },
      );
    });
    return new Promise((resolve) => {
      server.once('error', (err) => {
        this.logger.error({ err: err.message }, `${this.opts.name} metrics listener not started`);
        resolve(null);
      });
      server.listen(this.opts.port, this.opts.host, () => {
        this.server = server;
        const port = (server.address() as AddressInfo).port;
        this.logger.log(`${this.opts.name} metrics on http://${this.opts.host}:${port}/metrics`);
        resolve(port);
      });
    });
  }

  get port(): number | null {
    return this.server ? (this.server.address() as AddressInfo).port : null;
  }

  async stop(): Promise<void> {
    const s = this.server;
    this.server = null;
    if (s) await new Promise<void>((done) => s.close(() => done()));
  }
}

/** A process's metrics registry, served by its own listener for as long as the process runs. */
export abstract class ProcessMetrics implements OnApplicationBootstrap, OnApplicationShutdown {
  readonly registry = new Registry();
  private readonly server: MetricsServer;

  protected constructor(opts: { host: string; port: number; token?: string; name: string }) {
    this.server = new MetricsServer(this.registry, opts);
  }

  onApplicationBootstrap(): Promise<number | null> {
    return this.server.start();
  }

  get port(): number | null {
    return this.server.port;
  }

  async onApplicationShutdown(): Promise<void> {
    await this.server.stop();
  }
}
