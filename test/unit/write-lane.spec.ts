import { DataSource } from 'typeorm';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver';
import { inWriteLane, outsideWriteLane, writesFirst } from '../../src/common/db/write-lane';
import { dataSourceOptions } from '../../src/database/data-source';

// Medium test on the real database (DATABASE_URL): the order in which a full pool hands out its connection.
describe('the write lane (issue #20)', () => {
  let ds: DataSource;
  const served: string[] = [];

  beforeAll(async () => {
    const options = dataSourceOptions();
    ds = await new DataSource({ ...options, extra: { ...(options.extra as object), max: 1 } }).initialize();
    writesFirst((ds.driver as PostgresDriver).master);
  });
  afterAll(() => ds.destroy());
  beforeEach(() => { served.length = 0; });

  /** Queues a statement while the pool's one connection is taken; notes its name when it is answered. */
  const queued = (name: string, write = false) => {
    const run = () => ds.query('SELECT $1::text AS name', [name]).then(([r]) => { served.push(r.name); });
    return write ? inWriteLane(run) : run();
  };

  /** Holds the pool's only connection until the returned function is called. */
  async function holdTheConnection(): Promise<() => Promise<void>> {
    const runner = ds.createQueryRunner();
    await runner.connect();
    return () => runner.release();
  }

  it('gives the next free connection to a waiting write before the reads that came first', async () => {
    const release = await holdTheConnection();
    const all = [queued('read 1'), queued('read 2'), queued('write 1', true), queued('read 3'), queued('write 2', true)];
    await new Promise((r) => setImmediate(r));
    expect(served).toEqual([]); // nobody is served while the connection is held
    await release();
    await Promise.all(all);
    expect(served).toEqual(['write 1', 'write 2', 'read 1', 'read 2', 'read 3']);
  });

  it('serves the reads in their order when no write waits, and everything a write starts stays in the lane', async () => {
    const release = await holdTheConnection();
    const reads = [queued('read 1'), queued('read 2')];
    // a write's second statement, started after an await inside the lane, still goes ahead of the reads
    const write = inWriteLane(async () => {
      await Promise.resolve();
      return queued('write after an await');
    });
    const later = queued('read 3');
    await new Promise((r) => setImmediate(r)); // all four wait
    await release();
    await Promise.all([...reads, write, later]);
    expect(served).toEqual(['write after an await', 'read 1', 'read 2', 'read 3']);
  });

  it("leaves shared work a write starts (the audit's grouped writes) in the reads' queue", async () => {
    const release = await holdTheConnection();
    const read = queued('read 1');
    const shared = inWriteLane(() => outsideWriteLane(() => queued('shared work')));
    const write = queued('write 1', true);
    await new Promise((r) => setImmediate(r));
    await release();
    await Promise.all([read, shared, write]);
    expect(served).toEqual(['write 1', 'read 1', 'shared work']);
  });
});
