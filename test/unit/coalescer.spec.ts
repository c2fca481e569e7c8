import { Coalescer } from '../../src/reports/coalescer';

/** Identical reports asked at once are computed once, and no one gets an answer read before they asked (issue #14). */
describe(Coalescer.name, () => {
  /** A computation the test finishes by hand; `n` counts how many were started. */
  function manual() {
    const started: ((v: number) => void)[] = [];
    const failed: ((e: Error) => void)[] = [];
    const compute = () => new Promise<number>((resolve, reject) => {
      started.push(resolve);
      failed.push(reject);
    });
    return { compute, started, failed };
  }
  const tick = () => new Promise((r) => setImmediate(r));

  it('answers 200 callers at once with two computations: the first caller\'s, and one shared by everyone after it', async () => {
    const c = new Coalescer<number>();
    const m = manual();
    const answers = Promise.all(Array.from({ length: 200 }, () => c.run('k', m.compute)));
    await tick();
    expect(m.started).toHaveLength(1);
    m.started[0](7);
    await tick();
    expect(m.started).toHaveLength(2);
    m.started[1](8);
    expect(await answers).toEqual([7, ...Array(199).fill(8)]);
    expect(c.busy).toBe(0);
  });

  it('gives a caller who arrives while one runs the next computation, started after it asked and shared with its peers', async () => {
    const c = new Coalescer<number>();
    const m = manual();
    const first = c.run('k', m.compute);
    await tick();
    const late = [c.run('k', m.compute), c.run('k', m.compute), c.run('k', m.compute)];
    await tick();
    expect(m.started).toHaveLength(1); // the next one waits for the running one: never two at once per key
    m.started[0](1);
    expect(await first).toBe(1);
    await tick();
    expect(m.started).toHaveLength(2);
    m.started[1](2);
    expect(await Promise.all(late)).toEqual([2, 2, 2]);
  });

  it('computes different keys independently, and starts afresh after a failure', async () => {
    const c = new Coalescer<number>();
    const m = manual();
    const a = c.run('a', m.compute);
    const b = c.run('b', m.compute);
    await tick();
    expect(m.started).toHaveLength(2);
    m.failed[0](new Error('database gone'));
    m.started[1](5);
    await expect(a).rejects.toThrow('database gone');
    expect(await b).toBe(5);
    const again = c.run('a', m.compute);
    await tick();
    m.started[2](6);
    expect(await again).toBe(6);
  });

  it('hands a finished answer to a caller who asked before that computation started, and to no one who asked after', async () => {
    const c = new Coalescer<number>();
    let n = 0;
    const before = performance.now(); // e.g. a request that waited in line at the report gate meanwhile
    expect(await c.run('k', async () => ++n)).toBe(1);
    expect(await c.run('k', async () => ++n, before)).toBe(1);
    expect(await c.run('k', async () => ++n)).toBe(2);
  });

  it('after a computation ends, the next caller starts a new one rather than reusing the answer', async () => {
    const c = new Coalescer<number>();
    let n = 0;
    expect(await c.run('k', async () => ++n)).toBe(1);
    expect(await c.run('k', async () => ++n)).toBe(2);
  });
});

describe('Coalescer with query slots', () => {
  it('runs at most as many computations at once as there are slots, whatever their keys', async () => {
    const { Gate } = await import('../../src/reports/report-gate');
    const slots = new Gate(2, 100);
    const c = new Coalescer<string>(slots);
    let running = 0;
    let most = 0;
    const compute = (k: string) => async () => {
      most = Math.max(most, ++running);
      await new Promise((r) => setTimeout(r, 5));
      running--;
      return k;
    };
    expect(await Promise.all(['a', 'b', 'c', 'd', 'e'].map((k) => c.run(k, compute(k))))).toEqual(['a', 'b', 'c', 'd', 'e']);
    expect(most).toBe(2);
    expect(await c.run('x', () => { throw new Error('bad'); }).catch((e: Error) => e.message)).toBe('bad'); // a slot is given back
    expect(await Promise.all(['f', 'g'].map((k) => c.run(k, compute(k))))).toEqual(['f', 'g']);
  });
});
