import { randomUUID } from 'node:crypto';
import { Global, Injectable, Logger, Module, OnModuleDestroy } from '@nestjs/common';
import Redis from 'ioredis';
import { validateEnv } from '../config/env.schema';

type Handler = (key: string | undefined) => void;

/**
 * Tells every process (each API of a cluster, each worker) that a cache of theirs is stale (issue #20 part 2). Two
 * caches hold state whose staleness is a correctness problem: the per-request session check (a logout or a disabled
 * account must end the session on every API process, not 30 s later) and the calendar's overrides (a working day
 * changed by an approval must move the deadlines the workers compute next). Each keeps its TTL as the backstop: a
 * message lost while Redis was away is covered by dropping everything when the subscription comes back.
 */
@Injectable()
export class CacheBus implements OnModuleDestroy {
  private readonly logger = new Logger(CacheBus.name);
  private readonly origin = randomUUID();
  private readonly channel: string;
  private readonly handlers = new Map<string, Handler[]>();
  private readonly pub: Redis;
  private readonly sub: Redis;

  constructor() {
    const env = validateEnv(process.env);
    this.channel = `${env.QUEUE_PREFIX}:cache-invalidate`;
    // a publish while Redis is down fails at once instead of queueing: the TTL covers it
    this.pub = new Redis(env.REDIS_URL, { connectionName: 'cache-bus-pub', enableOfflineQueue: false, maxRetriesPerRequest: 1 });
    this.sub = new Redis(env.REDIS_URL, { connectionName: 'cache-bus-sub', maxRetriesPerRequest: null });
    let down = false;
    for (const c of [this.pub, this.sub]) c.on('error', (err: Error) => { if (!down) this.logger.warn(`Redis unreachable: ${err.message}`); down = true; });
    let subscribedOnce = false;
    this.sub.on('ready', () => {
      down = false;
      if (subscribedOnce) this.dropAll(); // whatever was published while we were away is unknown
      subscribedOnce = true;
    });
    this.sub.on('message', (_channel: string, raw: string) => this.receive(raw));
    void this.sub.subscribe(this.channel).catch((err: Error) => this.logger.warn(`cache bus not subscribed: ${err.message}`));
  }

  /** `handler(key)` runs when another process publishes `topic`; `key` undefined means "drop everything". */
  on(topic: string, handler: Handler): void {
    this.handlers.set(topic, [...(this.handlers.get(topic) ?? []), handler]);
  }

  /** Tells the other processes; the caller has already dropped its own copy. Never throws. */
  async publish(topic: string, key?: string): Promise<void> {
    await this.pub.publish(this.channel, JSON.stringify({ origin: this.origin, topic, key }))
      .catch((err: Error) => this.logger.warn({ err: err.message, topic }, 'cache invalidation not published; the TTL covers it'));
  }

  private receive(raw: string): void {
    let msg: { origin?: string; topic?: string; key?: string };
    try { msg = JSON.parse(raw); } catch { return; }
    if (msg.origin === this.origin || !msg.topic) return;
    for (const h of this.handlers.get(msg.topic) ?? []) h(typeof msg.key === 'string' ? msg.key : undefined);
  }

  private dropAll(): void {
    for (const list of this.handlers.values()) for (const h of list) h(undefined);
  }

  async onModuleDestroy(): Promise<void> {
    for (const c of [this.sub, this.pub]) await c.quit().catch(() => c.disconnect());
  }
}

@Global()
@Module({ providers: [CacheBus], exports: [CacheBus] })
export class CacheBusModule {}
