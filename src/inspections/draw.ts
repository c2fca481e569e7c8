import { createHash, createHmac } from 'node:crypto';
import { canonicalJson } from '../credit-file/credit-chain';
import type { Grade } from '../policies/policy.types';

export const GRADE_ORDER: Grade[] = ['A', 'B', 'C', 'D', 'E'];

export interface DrawInput {
  seed: string;
  candidates: { uscc: string; grade: Grade }[];
  inspectors: string[];
  ratios: Record<Grade, number>;
  inspectorsPerTarget: number;
}

export interface DrawnTarget {
  position: number;
  uscc: string;
  grade: Grade;
  inspectorIds: string[];
}

/**
 * A deterministic random stream from a published seed: the i-th number of stream `label` is
 * HMAC-SHA256(seed, label|i). Anyone holding the seed and the inputs gets the same numbers, in any language.
 */
export class SeededRandom {
  private readonly counters = new Map<string, number>();

  constructor(private readonly seed: string) {}

  /** Uniform integer in [0, n), without modulo bias (48-bit draws, rejecting the uneven tail). */
  int(label: string, n: number): number {
    const space = 2 ** 48;
    const limit = Math.floor(space / n) * n;
    for (;;) {
      const i = this.counters.get(label) ?? 0;
      this.counters.set(label, i + 1);
      const r = createHmac('sha256', this.seed).update(`${label}|${i}`).digest().readUIntBE(0, 6);
      if (r < limit) return r % n;
    }
  }

  /** The first k items of a Fisher–Yates shuffle of `items` (which the caller has put in canonical order). */
  pick<T>(label: string, items: readonly T[], k: number): T[] {
    const a = [...items];
    const take = Math.min(k, a.length);
    for (let i = 0; i < take; i++) {
      const j = i + this.int(label, a.length - i);
      [a[i], a[j]] = [a[j], a[i]];
    }
    return a.slice(0, take);
  }
}

/** How many institutions of a grade a plan takes: the policy ratio, rounded up so a small group is never skipped. */
export const quota = (size: number, ratio: number) => Math.max(0, Math.min(size, Math.ceil(size * ratio - 1e-9)));

/** Canonical order first (USCC, inspector id), so the draw depends only on the seed and the set of inputs. */
export function canonicalInput(input: DrawInput): DrawInput {
  const byUscc = new Map(input.candidates.map((c) => [c.uscc, c]));
  return {
    ...input,
    candidates: [...byUscc.values()].sort((a, b) => (a.uscc < b.uscc ? -1 : a.uscc > b.uscc ? 1 : 0)),
    inspectors: [...new Set(input.inspectors)].sort(),
  };
}

/** The fingerprint of everything the draw depends on; published with the plan beside the seed. */
export function drawDigest(input: DrawInput): string {
  const c = canonicalInput(input);
  return createHash('sha256').update(canonicalJson({ ...c })).digest('hex');
}

/** 双随机: institutions by grade ratio, then distinct inspectors for each, all from one seed. */
export function draw(raw: DrawInput): DrawnTarget[] {
  const input = canonicalInput(raw);
  const rng = new SeededRandom(input.seed);
  const targets: DrawnTarget[] = [];
  for (const grade of GRADE_ORDER) {
    const group = input.candidates.filter((c) => c.grade === grade);
    for (const c of rng.pick(`institutions:${grade}`, group, quota(group.length, input.ratios[grade] ?? 0))) {
      targets.push({ position: targets.length + 1, uscc: c.uscc, grade, inspectorIds: [] });
    }
  }
  for (const t of targets) t.inspectorIds = rng.pick(`inspectors:${t.uscc}`, input.inspectors, input.inspectorsPerTarget);
  return targets;
}
