import { EventEmitter } from 'node:events';
import type { Request, Response } from 'express';
import { Gate, reportGate } from '../../src/reports/report-gate';

/** The reports' concurrency gate (issue #14, bench line): a few at once, a short line, then 503 REPORTS_BUSY. */
describe(Gate.name, () => {
  it('lets `active` run, lines up `waiting`, refuses the next with REPORTS_BUSY, and passes places down the line', async () => {
    const gate = new Gate(2, 2);
    const started: number[] = [];
    const run = (n: number) => gate.acquire().then(() => void started.push(n));

    const first = [run(1), run(2)];
    await Promise.all(first);
    const queued = [run(3), run(4)];
    expect(() => gate.acquire()).toThrow(expect.objectContaining({ code: 'REPORTS_BUSY', status: 503, message: '统计报表查询较多，请稍后几秒再试' }));
    await Promise.resolve();
    expect(started).toEqual([1, 2]);

    gate.release();
    await queued[0];
    expect(started).toEqual([1, 2, 3]);
    gate.release();
    gate.release();
    gate.release();
    await queued[1];
    expect(started).toEqual([1, 2, 3, 4]);
    await gate.acquire(); // every place given back: free again without waiting
    expect(started).toHaveLength(4);
  });
});

/** The gate in front of the app (issue #14): a refusal is one pre-built answer; a place is never lost. */
describe(reportGate.name, () => {
  /** Just enough of a response: the events the gate listens to and the two calls a refusal makes. */
  function response() {
    const res = Object.assign(new EventEmitter(), { status: 0, headers: {} as Record<string, string>, body: '' });
    Object.assign(res, {
      writeHead: (status: number, headers: Record<string, string>) => Object.assign(res, { status, headers }) && res,
      end: (body: Buffer) => void Object.assign(res, { body: body.toString() }),
    });
    return res;
  }
  const tick = () => new Promise((r) => setImmediate(r));

  it('answers past the line with 503 REPORTS_BUSY, Retry-After and a request id, without calling anything behind it', async () => {
    const gate = reportGate(new Gate(1, 0));
    const next = jest.fn();
    gate({} as Request, response() as unknown as Response, next);
    const refused = response();
    gate({} as Request, refused as unknown as Response, next);
    await tick();
    expect(next).toHaveBeenCalledTimes(1);
    expect(refused.status).toBe(503);
    expect(refused.headers).toMatchObject({ 'Retry-After': '5', 'X-Request-Id': expect.stringMatching(/^[0-9a-f-]{36}$/) });
    expect(JSON.parse(refused.body)).toEqual({ code: 'REPORTS_BUSY', message: '统计报表查询较多，请稍后几秒再试' });
  });

  it('gives on the place of a client that left while in line, and takes back each place once however the answer ends', async () => {
    const g = new Gate(1, 1);
    const gate = reportGate(g);
    const ran: string[] = [];
    const first = response();
    const left = response();
    gate({} as Request, first as unknown as Response, () => ran.push('first'));
    gate({} as Request, left as unknown as Response, () => ran.push('left'));
    left.emit('close'); // the client gave up while in line
    await tick();
    first.emit('finish');
    first.emit('close'); // both events of one answer: one place back
    await tick();
    expect(ran).toEqual(['first']);
    const third = response();
    gate({} as Request, third as unknown as Response, () => ran.push('third'));
    await tick();
    expect(ran).toEqual(['first', 'third']); // the place came back: no one waits behind a client who left
    expect(g.tryAcquire()).not.toBeNull(); // and the line has room again
  });
});
