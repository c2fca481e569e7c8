import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { RunningSimulator, startPlatformSimulator } from '../../src/platform-simulator/server';
import { makeUscc } from '../support/factories';

/** The simulator's contract (src/platform-simulator/openapi.yaml), over real HTTP. */
describe('municipal platform simulator', () => {
  let sim: RunningSimulator;

  beforeEach(async () => {
    sim = await startPlatformSimulator({ port: 0 });
  });
  afterEach(() => sim.close());

  // response bodies are asserted field by field below
  const json = (res: Response): Promise<any> => res.json();
  const post = (path: string, body: unknown) =>
    fetch(`${sim.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  const record = (key: string, extra: Record<string, unknown> = {}) =>
    ({ idempotencyKey: key, type: 'penalty', recordRef: key, uscc: makeUscc(), payload: { decisionDate: '2026-03-02' }, ...extra });

  it('stores a record once per idempotency key and answers a repeat with the same receipt', async () => {
    const first = await post('/v1/records', record('k1'));
    expect(first.status).toBe(201);
    const receipt = await json(first);
    expect(receipt).toMatchObject({ idempotencyKey: 'k1', duplicate: false, receiptId: expect.stringMatching(/^LYG-\d{8}-\d{8}$/) });
    const again = await post('/v1/records', record('k1'));
    expect(again.status).toBe(200);
    expect(await json(again)).toMatchObject({ receiptId: receipt.receiptId, duplicate: true });
    expect(sim.admin.count()).toBe(1);
    const listed = await json(await fetch(`${sim.url}/v1/records`));
    expect(listed.items).toEqual([expect.objectContaining({ idempotencyKey: 'k1', receiptId: receipt.receiptId })]);
  });

  it('refuses invalid records with 422 and a message per field', async () => {
    const res = await post('/v1/records', { idempotencyKey: 'bad', type: 'gossip', uscc: '91440300708461136X', payload: { decisionDate: '2026-02-30' } });
    expect(res.status).toBe(422);
    const body = await json(res);
    expect(body.code).toBe('VALIDATION_FAILED');
    expect(body.fields.map((f: { field: string }) => f.field)).toEqual(['type', 'uscc', 'payload.decisionDate']);
    expect(sim.admin.count()).toBe(0);
  });

  it('takes a natural person\'s record by ID type and sealed number, without a USCC, and refuses one without them', async () => {
    const person = { subjectCategory: '自然人', idType: '身份证', idEnc: 'k1:iv:tag:data' };
    expect((await post('/v1/records', record('p1', { uscc: null, payload: { payload: person } }))).status).toBe(201);
    const missing = await post('/v1/records', record('p2', { uscc: null, payload: { payload: { subjectCategory: '自然人' } } }));
    expect(missing.status).toBe(422);
    expect((await json(missing)).fields.map((f: { field: string }) => f.field)).toEqual(['payload.payload.idEnc']);
    const both = await post('/v1/records', record('p3', { payload: { payload: person } }));
    expect((await json(both)).fields.map((f: { field: string }) => f.field)).toEqual(['uscc']);
    expect(sim.admin.count()).toBe(1);
  });

  it('injects outages, errors, latency, lost responses and field rejections on request', async () => {
    sim.admin.setFaults({ outageForMs: 60_000 });
    expect((await post('/v1/records', record('o'))).status).toBe(503);
    sim.admin.setFaults({ outageUntil: null, errorRate: 1 });
    expect((await post('/v1/records', record('e'))).status).toBe(500);
    sim.admin.setFaults({ errorRate: 0, lostResponseRate: 1 });
    await expect(post('/v1/records', record('lost'))).rejects.toThrow(); // the socket is cut…
    expect(sim.store.records.has('lost')).toBe(true); // …after the record was stored
    sim.admin.setFaults({ lostResponseRate: 0, latencyMs: 150, rejectFields: [{ field: 'payload.decisionNo', pattern: '^临时', message: '文号无效' }] });
    const started = Date.now();
    const refused = await post('/v1/records', record('r', { payload: { decisionNo: '临时1' } }));
    expect(Date.now() - started).toBeGreaterThanOrEqual(140);
    expect((await json(refused)).fields).toEqual([{ field: 'payload.decisionNo', message: '文号无效' }]);
    // admin endpoints are never faulted
    const faults = await json(await fetch(`${sim.url}/admin/faults`, { method: 'DELETE' }));
    expect(faults).toMatchObject({ errorRate: 0, latencyMs: 0, rejectFields: [] });
  });

  it('accepts a batch with a result per record', async () => {
    const res = await post('/v1/records/batch', { records: [record('b1'), record('b1'), record('b2', { uscc: 'x' })] });
    expect(res.status).toBe(200);
    const { results } = await json(res);
    expect(results.map((r: { status: string }) => r.status)).toEqual(['accepted', 'duplicate', 'rejected']);
  });

  it('pages the feed by sequence, redelivers on replay, and acknowledges joint-sanction notices through it', async () => {
    sim.admin.publish([{ id: 'a', kind: 'record', department: '市监局', uscc: makeUscc(), title: '处罚', payload: {} }]);
    await post('/v1/records', record('jsn', { type: 'joint_sanction_notice', payload: { caseNo: 'LY-2026-000001', department: '市人社局' } }));
    const page = await json(await fetch(`${sim.url}/v1/feed?after=0&limit=1`));
    expect(page.items.map((i: { id: string }) => i.id)).toEqual(['a']);
    const rest = await json(await fetch(`${sim.url}/v1/feed?after=${page.next}`));
    expect(rest.items).toEqual([expect.objectContaining({ kind: 'joint_sanction_ack', caseNo: 'LY-2026-000001', refIdempotencyKey: 'jsn', department: '市人社局' })]);
    expect(sim.admin.replayFeed()).toBe(2);
    const all = await json(await fetch(`${sim.url}/v1/feed`));
    expect(all.items.map((i: { id: string }) => i.id)).toEqual(['a', 'ack-jsn', 'a', 'ack-jsn']);
  });

  it('keeps its state in a file across restarts when given one', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'platform-sim-')), 'state.json');
    const a = await startPlatformSimulator({ port: 0, stateFile: file });
    await fetch(`${a.url}/v1/records`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(record('kept')) });
    await a.close();
    const b = await startPlatformSimulator({ port: 0, stateFile: file });
    expect(b.admin.count()).toBe(1);
    const again = await fetch(`${b.url}/v1/records`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(record('kept')) });
    expect(again.status).toBe(200);
    await b.close();
  });

  it('serves its contract', async () => {
    const res = await fetch(`${sim.url}/openapi.yaml`);
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('openapi: 3.');
  });
});
