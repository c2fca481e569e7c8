import { Gate } from '../../src/reports/report-gate';

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
