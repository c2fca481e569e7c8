import { GroupedWrites } from '../../src/common/db/grouped-writes';

/** Audit rows under load (issue #20): many callers, few commits, and each caller told about its own row. */
describe(GroupedWrites.name, () => {
  /** A store whose writes the test finishes by hand; `writes` lists the rows of each statement. */
  function store(refuse: (row: string) => boolean = () => false) {
    const writes: string[][] = [];
    const pending: (() => void)[] = [];
    const write = (rows: string[]) => new Promise<void>((resolve, reject) => {
      writes.push(rows);
      pending.push(() => (rows.some(refuse) ? reject(new Error(`refused ${rows.join(',')}`)) : resolve()));
    });
    const finishNext = async () => {
      pending.shift()!();
      await new Promise((r) => setImmediate(r));
    };
    return { write, writes, finishNext };
  }

  it('writes a row at once when nothing is being written, and the rows that came meanwhile in one statement after it', async () => {
    const s = store();
    const g = new GroupedWrites(s.write);
    const first = g.add('a');
    expect(s.writes).toEqual([['a']]);
    const later = ['b', 'c', 'd'].map((r) => g.add(r));
    expect(s.writes).toHaveLength(1); // nobody is answered before their row is written
    await s.finishNext();
    await expect(first).resolves.toBeUndefined();
    expect(s.writes).toEqual([['a'], ['b', 'c', 'd']]);
    await s.finishNext();
    await expect(Promise.all(later)).resolves.toHaveLength(3);
  });

  it('fails only the caller whose row is refused: a refused group is written again row by row', async () => {
    const s = store((row) => row === 'bad');
    const g = new GroupedWrites(s.write);
    const first = g.add('a');
    const answers = Promise.allSettled(['x', 'bad', 'y'].map((r) => g.add(r)));
    await s.finishNext();
    await first;
    await s.finishNext(); // the group x, bad, y is refused
    for (let i = 0; i < 3; i++) await s.finishNext();
    const [ok1, bad, ok2] = await answers;
    expect(ok1.status).toBe('fulfilled');
    expect(bad).toMatchObject({ status: 'rejected', reason: new Error('refused bad') });
    expect(ok2.status).toBe('fulfilled');
    expect(s.writes).toEqual([['a'], ['x', 'bad', 'y'], ['x'], ['bad'], ['y']]);
  });

  it('fails a whole group at once when the failure is not a refused value (a lost connection): no row-by-row rewrite', async () => {
    const s = store((row) => row !== 'a');
    const g = new GroupedWrites(s.write, 200, (err) => (err as Error).message.includes('bad'));
    const first = g.add('a');
    const answers = Promise.allSettled(['x', 'y'].map((r) => g.add(r)));
    await s.finishNext();
    await first;
    await s.finishNext(); // refused 'x,y': not a refused value by the predicate
    expect((await answers).map((a) => a.status)).toEqual(['rejected', 'rejected']);
    expect(s.writes).toEqual([['a'], ['x', 'y']]);
  });

  it('keeps a statement to the most rows it was given', async () => {
    const s = store();
    const g = new GroupedWrites(s.write, 2);
    const all = ['a', 'b', 'c', 'd', 'e'].map((r) => g.add(r));
    for (let i = 0; i < 3; i++) await s.finishNext();
    await Promise.all(all);
    expect(s.writes).toEqual([['a'], ['b', 'c'], ['d', 'e']]);
  });
});
