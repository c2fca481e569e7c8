import { existsSync, readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import express, { NextFunction, Request, Response } from 'express';
import { CreditChinaResult, FeedItem, Faults, HeldRecord, NO_FAULTS, SimulatorStore } from './store';
import { IncomingRecord, validateRecord } from './validation';

export interface SimulatorOptions {
  port?: number;
  host?: string;
  /** Keep state in this JSON file across restarts; without it the state lives in memory only. */
  stateFile?: string;
}

export interface RunningSimulator {
  url: string;
  port: number;
  store: SimulatorStore;
  /** In-process shortcuts to the admin endpoints, for tests and the benchmark. */
  admin: {
    setFaults(f: Partial<Faults> & { outageForMs?: number }): Faults;
    clearFaults(): void;
    held(): HeldRecord[];
    creditChinaResults(): CreditChinaResult[];
    count(): number;
    publish(items: Omit<FeedItem, 'seq' | 'publishedAt'>[]): FeedItem[];
    replayFeed(): number;
    reset(): void;
  };
  close(): Promise<void>;
}

const BATCH_MAX = 500;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function contractPath(): string | null {
  // next to this file in the source tree; from dist/ fall back to the source copy (tsc does not copy yaml)
  const candidates = [join(__dirname, 'openapi.yaml'), join(__dirname, '../../../src/platform-simulator/openapi.yaml')];
  return candidates.find((p) => existsSync(p)) ?? null;
}

export function mergeFaults(current: Faults, f: Partial<Faults> & { outageForMs?: number }): Faults {
  const { outageForMs, ...rest } = f;
  const next: Faults = { ...current, ...rest };
  if (outageForMs !== undefined) next.outageUntil = new Date(Date.now() + outageForMs).toISOString();
  return next;
}

/** The municipal platform as a small express app; see openapi.yaml beside this file for the contract. */
export function createSimulatorApp(store: SimulatorStore): express.Express {
  const app = express();
  app.disable('x-powered-by');
  app.use(express.json({ limit: '10mb' }));

  const accept = (r: IncomingRecord) => {
    const { record, duplicate } = store.accept(r);
    if (!duplicate && r.type === 'joint_sanction_notice') {
      // the member department acknowledges through the feed, as it would a day or two later in reality
      store.publish([{
        id: `ack-${r.idempotencyKey}`, kind: 'joint_sanction_ack', department: String(r.payload.department),
        uscc: r.uscc ?? '', title: '联合惩戒通知已签收', payload: { receiptId: record.receiptId },
        refIdempotencyKey: r.idempotencyKey, caseNo: String(r.payload.caseNo),
      }]);
    }
    if (!duplicate && r.type === 'repair_result' && r.payload.route === 'creditchina' && typeof r.payload.externalRef === 'string') {
      // 信用中国 is the single intake (36号令): the platform passes the bureau's answer back to it
      store.creditChina.push({
        applicationId: r.payload.externalRef, status: String(r.payload.status), reason: typeof r.payload.reason === 'string' ? r.payload.reason : null,
        receiptId: record.receiptId, forwardedAt: new Date().toISOString(),
      });
    }
    return { record, duplicate };
  };
  const receipt = (rec: HeldRecord, duplicate: boolean) =>
    ({ receiptId: rec.receiptId, idempotencyKey: rec.idempotencyKey, receivedAt: rec.receivedAt, duplicate });

  // Fault injection applies to the exchange interface only; the admin endpoints always answer.
  app.use('/v1', async (req: Request, res: Response, next: NextFunction) => {
    store.stats.requests++;
    if (req.method === 'POST') store.stats.submissionRequests++;
    const f = store.faults;
    if (f.latencyMs > 0) await sleep(f.latencyMs);
    if (f.outageUntil && Date.now() < Date.parse(f.outageUntil)) {
      store.stats.outageRefusals++;
      res.status(503).set('Retry-After', '1').json({ code: 'UNAVAILABLE', message: '平台维护中，请稍后重试' });
      return;
    }
    if (req.method === 'POST' && f.errorRate > 0 && Math.random() < f.errorRate) {
      store.stats.injectedErrors++;
      res.status(500).json({ code: 'INTERNAL_ERROR', message: '平台内部错误' });
      return;
    }
    next();
  });

  app.post('/v1/records', (req, res) => {
    const body = { ...req.body, idempotencyKey: req.get('idempotency-key') ?? req.body?.idempotencyKey };
    const { record, errors } = validateRecord(body, store.faults);
    if (!record) {
      store.stats.rejected++;
      res.status(422).json({ code: 'VALIDATION_FAILED', message: '报送数据校验未通过', fields: errors });
      return;
    }
    const { record: held, duplicate } = accept(record);
    if (store.faults.lostResponseRate > 0 && Math.random() < store.faults.lostResponseRate) {
      store.stats.lostResponses++;
      req.socket.destroy(); // stored, but the caller never learns it: only its retry with the same key will
      return;
    }
    res.status(duplicate ? 200 : 201).json(receipt(held, duplicate));
  });

  app.post('/v1/records/batch', (req, res) => {
    const list: unknown[] = Array.isArray(req.body?.records) ? req.body.records : [];
    if (!list.length || list.length > BATCH_MAX) {
      res.status(400).json({ code: 'BATCH_SIZE', message: `批量报送须包含 1–${BATCH_MAX} 条记录`, fields: [{ field: 'records', message: '条数不符' }] });
      return;
    }
    const results = list.map((item) => {
      const { record, errors } = validateRecord(item, store.faults);
      const key = (item as { idempotencyKey?: unknown })?.idempotencyKey ?? null;
      if (!record) {
        store.stats.rejected++;
        return { idempotencyKey: key, status: 'rejected', message: '报送数据校验未通过', fields: errors };
      }
      const { record: held, duplicate } = accept(record);
      return { ...receipt(held, duplicate), status: duplicate ? 'duplicate' : 'accepted' };
    });
    if (store.faults.lostResponseRate > 0 && Math.random() < store.faults.lostResponseRate) {
      store.stats.lostResponses++;
      req.socket.destroy(); // every record in the batch is stored; the caller hears nothing
      return;
    }
    res.status(200).json({ results });
  });

  app.get('/v1/records', (req, res) => {
    const page = store.page(store.ordered, Number(req.query.after ?? 0), Math.min(Number(req.query.limit ?? 1000), 5000));
    res.json({ items: page.items.map(({ payload: _p, ...summary }) => summary), next: page.next });
  });

  app.get('/v1/records/:key', (req, res) => {
    const rec = store.records.get(req.params.key);
    if (!rec) res.status(404).json({ code: 'NOT_FOUND', message: '平台未收到该记录' });
    else res.json(rec);
  });

  app.get('/v1/feed', (req, res) => {
    res.json(store.page(store.feed, Number(req.query.after ?? 0), Math.min(Number(req.query.limit ?? 200), 1000)));
  });

  app.get('/admin/faults', (_req, res) => void res.json(store.faults));
  app.put('/admin/faults', (req, res) => void res.json((store.faults = mergeFaults({ ...NO_FAULTS }, req.body ?? {}))));
  app.patch('/admin/faults', (req, res) => void res.json((store.faults = mergeFaults(store.faults, req.body ?? {}))));
  app.delete('/admin/faults', (_req, res) => void res.json((store.faults = { ...NO_FAULTS })));
  app.get('/admin/stats', (_req, res) =>
    void res.json({ ...store.stats, held: store.records.size, feedItems: store.feed.length }));
  app.get('/admin/records', (req, res) => {
    const type = typeof req.query.type === 'string' ? req.query.type : null;
    const list = type ? store.ordered.filter((r) => r.type === type) : store.ordered;
    res.json(store.page(list, Number(req.query.after ?? 0), Math.min(Number(req.query.limit ?? 1000), 5000)));
  });
  app.post('/admin/feed', (req, res) => void res.status(201).json({ items: store.publish(req.body?.items ?? []) }));
  // 信用中国 received a repair application; the platform forwards it to the bureau that determined the record
  app.post('/admin/creditchina/repair-applications', (req, res) => {
    const b = req.body ?? {};
    const person = typeof b.idType === 'string' && typeof b.idNumber === 'string' && typeof b.name === 'string';
    if (typeof b.applicationId !== 'string' || (typeof b.uscc !== 'string') === !person || typeof b.decisionNo !== 'string') {
      res.status(400).json({ code: 'BAD_REQUEST', message: '须包含 applicationId、decisionNo，以及 uscc（机构）或 idType、idNumber、name（自然人）之一', fields: [] });
      return;
    }
    const [item] = store.publish([pushedApplication(b)]);
    res.status(201).json(item);
  });
  app.get('/admin/creditchina/results', (_req, res) => void res.json({ items: store.creditChina }));
  app.post('/admin/feed/replay', (_req, res) => void res.json({ replayed: replay(store) }));
  app.post('/admin/reset', (_req, res) => {
    store.reset();
    res.json({ ok: true });
  });
  app.get('/openapi.yaml', (_req, res) => {
    const path = contractPath();
    if (!path) res.status(404).end();
    else res.type('application/yaml').send(readFileSync(path, 'utf8'));
  });
  app.use((err: Error & { status?: number }, _req: Request, res: Response, _next: NextFunction) => {
    res.status(err.status && err.status < 500 ? err.status : 400).json({ code: 'BAD_REQUEST', message: '请求格式不正确', fields: [] });
  });
  return app;
}

/** The feed item a 信用中国 repair application becomes: the department is 信用中国, the id its application id. */
function pushedApplication(b: Record<string, unknown>): Omit<FeedItem, 'seq' | 'publishedAt'> {
  const { uscc, ...payload } = b;
  if (typeof uscc === 'string') return { id: String(b.applicationId), kind: 'repair_application', department: '信用中国', uscc, title: '信用修复申请', payload };
  // a natural person has no USCC: 信用中国 names the applicant by ID type and number (教育部令第53号 art. 2 covers persons)
  return { id: String(b.applicationId), kind: 'repair_application', department: '信用中国', uscc: null, title: '信用修复申请',
    payload: { ...payload, subjectCategory: '自然人' } };
}

/** Re-publishes every feed item once more with new sequence numbers: a platform that delivers twice. */
function replay(store: SimulatorStore): number {
  const again = store.feed.map(({ seq: _s, publishedAt: _p, ...item }) => item);
  store.publish(again);
  return again.length;
}

export async function startPlatformSimulator(opts: SimulatorOptions = {}): Promise<RunningSimulator> {
  const store = new SimulatorStore(opts.stateFile);
  const app = createSimulatorApp(store);
  const host = opts.host ?? '127.0.0.1';
  const server = await new Promise<import('node:http').Server>((resolve, reject) => {
    const s = app.listen(opts.port ?? 0, host, () => resolve(s)).on('error', reject);
  });
  server.keepAliveTimeout = 30_000;
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://${host}:${port}`,
    port,
    store,
    admin: {
      setFaults: (f) => (store.faults = mergeFaults(store.faults, f)),
      clearFaults: () => void (store.faults = { ...NO_FAULTS }),
      held: () => [...store.ordered],
      creditChinaResults: () => [...store.creditChina],
      count: () => store.records.size,
      publish: (items) => store.publish(items),
      replayFeed: () => replay(store),
      reset: () => store.reset(),
    },
    close: async () => {
      store.flush();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
