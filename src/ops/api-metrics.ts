import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { NextFunction, Request, Response } from 'express';
import { collectDefaultMetrics, Gauge, Histogram } from 'prom-client';
import { DataSource } from 'typeorm';
import { NotificationQueue } from '../notifications/notification-queue';
import { PlatformQueues } from '../platform/platform-queues';
import { ProcessMetrics } from './metrics-server';
import { readState, StateSnapshot } from './ops-queries';
import { opsSettings } from './ops-settings';

const JOB_STATES = ['waiting', 'active', 'delayed', 'failed'] as const;

/**
 * The API process's metrics: HTTP latency by route template, and the state of the service read from PostgreSQL and
 * Redis when Prometheus scrapes (at most once per METRICS_CACHE_MS, so a scrape storm costs a few queries).
 */
@Injectable()
export class ApiMetrics extends ProcessMetrics {
  private readonly cacheMs = opsSettings().METRICS_CACHE_MS;
  private cached: { at: number; state: Promise<StateSnapshot & { queues: { queue: string; state: string; n: number }[] }> } | null = null;

  readonly httpDuration = new Histogram({
    name: 'educredit_http_request_duration_seconds',
    help: 'API request latency by route template (never the raw URL, which would carry case numbers and USCCs)',
    labelNames: ['method', 'route', 'status'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [this.registry],
  });

  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly platformQueues: PlatformQueues,
    private readonly notificationQueue: NotificationQueue,
  ) {
    const settings = opsSettings();
    super({ host: settings.METRICS_HOST, port: settings.METRICS_PORT, token: settings.METRICS_TOKEN, name: 'API' });
    collectDefaultMetrics({ register: this.registry, prefix: 'educredit_api_' });
    this.gauge('educredit_cases_open', 'open cases by stage', ['stage'], (g, s) => s.openByStage.forEach((r) => g.set({ stage: r.stage }, r.n)));
    this.gauge('educredit_tasks_overdue', 'open worklist tasks flagged overdue (escalated)', [], (g, s) => g.set(s.overdueTasks));
    this.gauge('educredit_deadlines_due_today', 'deadlines falling due today (Beijing date): staff tasks and institution deadlines', ['owner'],
      (g, s) => s.dueToday.forEach((r) => g.set({ owner: r.owner }, r.n)));
    this.gauge('educredit_cases_blocked', 'open cases blocked (cases.blocked_reason) until someone resumes them', [],
      (g, s) => g.set(s.blockedCases));
    this.gauge('educredit_outbox_pending', 'outbox rows not yet handed over', ['outbox'], (g, s) => s.outbox.forEach((o) => g.set({ outbox: o.outbox }, o.pending)));
    this.gauge('educredit_outbox_oldest_age_seconds', 'age of the oldest pending outbox row', ['outbox'],
      (g, s) => s.outbox.forEach((o) => g.set({ outbox: o.outbox }, o.oldestSeconds)));
    this.gauge('educredit_escalation_delay_seconds', 'longest delay between a task\'s due instant and its escalation, last 24 h', [],
      (g, s) => g.set(s.escalationDelaySeconds));
    this.gauge('educredit_escalations_late', 'tasks past their due instant by more than 15 minutes and not yet escalated', [],
      (g, s) => g.set(s.escalationsLate));
    this.gauge('educredit_queue_jobs', 'BullMQ jobs by queue and state', ['queue', 'state'], (g, s) => s.queues.forEach((q) => g.set({ queue: q.queue, state: q.state }, q.n)));
  }

  private gauge(name: string, help: string, labelNames: string[], fill: (g: Gauge, s: Awaited<ReturnType<ApiMetrics['state']>>) => void): void {
    const read = () => this.state();
    new Gauge({
      name, help, labelNames, registers: [this.registry],
      async collect() {
        const s = await read();
        this.reset(); // a stage that emptied must read 0, not its last value
        fill(this, s);
      },
    });
  }

  private state() {
    const now = Date.now();
    if (this.cached && now - this.cached.at < this.cacheMs) return this.cached.state;
    const state = (async () => {
      const [db, queues] = await Promise.all([readState(this.ds), this.queueDepths()]);
      return { ...db, queues };
    })();
    this.cached = { at: now, state };
    state.catch(() => this.cached?.state === state && (this.cached = null));
    return state;
  }

  private async queueDepths(): Promise<{ queue: string; state: string; n: number }[]> {
    const queues = [...this.platformQueues.all(), this.notificationQueue.queue];
    const counts = await Promise.all(queues.map((q) => q.getJobCounts(...JOB_STATES)));
    return queues.flatMap((q, i) => JOB_STATES.map((state) => ({ queue: q.name, state, n: counts[i][state] ?? 0 })));
  }

  /** Express middleware: records each request once it has finished, under the route Express matched. */
  readonly middleware = (req: Request, res: Response, next: NextFunction): void => {
    const end = this.httpDuration.startTimer();
    res.once('finish', () => {
      const route = (req.route as { path?: string } | undefined)?.path;
      end({ method: req.method, route: route ? `${req.baseUrl}${route}` : 'unmatched', status: String(res.statusCode) });
    });
    next();
  };
}
