import { draw, drawDigest, DrawInput, quota, SeededRandom } from '../../../src/inspections/draw';
import type { Grade } from '../../../src/policies/policy.types';

const GRADES: Grade[] = ['A', 'B', 'C', 'D', 'E'];

function input(seed: string): DrawInput {
  const candidates = Array.from({ length: 200 }, (_, i) => ({ uscc: `52320700MJ${String(i).padStart(8, '0')}`, grade: GRADES[i % 5] }));
  return {
    seed,
    candidates,
    inspectors: Array.from({ length: 12 }, (_, i) => `00000000-0000-4000-8000-0000000000${String(i).padStart(2, '0')}`),
    ratios: { A: 0.05, B: 0.2, C: 0.6, D: 1, E: 1 },
    inspectorsPerTarget: 2,
  };
}

describe('双随机 draw', () => {
  it('reproduces the same draw from the same seed, whatever order the inputs arrive in', () => {
    const a = input('2026-Q2-published-seed');
    const shuffled = { ...a, candidates: [...a.candidates].reverse(), inspectors: [...a.inspectors].reverse() };
    expect(draw(shuffled)).toEqual(draw(a));
    expect(drawDigest(shuffled)).toBe(drawDigest(a));
  });

  it('gives a different draw from a different seed', () => {
    const a = draw(input('2026-Q2-published-seed'));
    const b = draw(input('2026-Q2-published-seeD'));
    expect(b.map((t) => t.uscc)).not.toEqual(a.map((t) => t.uscc));
    expect(drawDigest(input('x-seed-0001'))).not.toBe(drawDigest(input('x-seed-0002')));
  });

  it('takes each grade in the policy ratio, rounded up, with distinct inspectors per target', () => {
    const targets = draw(input('ratio-check-seed'));
    const count = (g: Grade) => targets.filter((t) => t.grade === g).length;
    expect([count('A'), count('B'), count('C'), count('D'), count('E')]).toEqual([2, 8, 24, 40, 40]);
    expect(targets.every((t) => new Set(t.inspectorIds).size === 2)).toBe(true);
    expect(new Set(targets.map((t) => t.uscc)).size).toBe(targets.length);
    expect(quota(3, 0.05)).toBe(1);
    expect(quota(20, 0.05)).toBe(1);
    expect(quota(0, 1)).toBe(0);
  });

  it('draws uniformly enough: every index of a small range comes up', () => {
    const rng = new SeededRandom('uniformity');
    const seen = new Set(Array.from({ length: 200 }, () => rng.int('x', 7)));
    expect([...seen].sort()).toEqual([0, 1, 2, 3, 4, 5, 6]);
  });
});
