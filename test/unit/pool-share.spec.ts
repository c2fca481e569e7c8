import { poolShare } from '../../src/common/db/pool-share';

/** The database connections an API process of a cluster gets: the host's DB_POOL_SIZE divided among its processes. */
describe('poolShare', () => {
  it.each([
    [20, 1, 20], // one API keeps them all
    [20, 2, 10], // 2 + 2 on one host: 20 in all, as at 1 + 1
    [20, 3, 7], // rounded up: 21 in all
    [3, 4, 2], // never below a write and a read at once
  ])('%i connections among %i processes: %i each', (total, processes, each) => {
    expect(poolShare(total, processes)).toBe(each);
  });
});
