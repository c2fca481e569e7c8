import { DEFAULT_POLICY, PolicyDocument } from '../../../src/policies/policy.types';
import { diffPolicies } from '../../../src/policies/policies.service';
import { DatedVersion, forBehaviour, forDetermination, forStep, inForceOn, isLighter } from '../../../src/policies/policy-resolver';

const withSerious = (minMonths: number, maxMonths: number, extra: Partial<PolicyDocument> = {}): PolicyDocument =>
  ({ ...DEFAULT_POLICY, ...extra, publicity: { ...DEFAULT_POLICY.publicity, serious: { minMonths, maxMonths } } });

// v1 from 2026-01-01 (serious 12–36 months); v2 from 2026-04-01 with a longer objection window (procedure only);
// v3 from 2027-01-01, published ahead, serious 12–24 months (lighter); v4 from 2027-07-01, serious 12–48 (heavier)
const versions: DatedVersion[] = [
  { version: 1, effectiveFrom: '2026-01-01', document: DEFAULT_POLICY },
  { version: 2, effectiveFrom: '2026-04-01', document: { ...DEFAULT_POLICY, objectionDays: 7 } },
  { version: 3, effectiveFrom: '2027-01-01', document: withSerious(12, 24, { objectionDays: 7 }) },
  { version: 4, effectiveFrom: '2027-07-01', document: withSerious(12, 48, { objectionDays: 10 }) },
];

describe('the version in force on a day', () => {
  it.each([
    ['2025-12-31', 1, 'before the first version: the oldest'],
    ['2026-03-31', 1, 'the day before v2 takes effect'],
    ['2026-04-01', 2, 'v2’s first day'],
    ['2026-12-31', 2, 'v3 was published ahead but is not yet in force'],
    ['2027-01-01', 3, 'v3 takes effect at the start of its day'],
    ['2027-07-01', 4, 'v4’s first day'],
  ])('%s → v%i (%s)', (day, version) => {
    expect(inForceOn(versions, day).version).toBe(version);
  });
});

describe('从旧兼从轻 (行政处罚法 art. 37)', () => {
  it('judges a behaviour by the rules in force when it occurred', () => {
    // behaviour on 2026-05-10 (v2), decided on 2026-12-07 (still v2)
    expect(forBehaviour(versions, '2026-05-10', '2026-12-07', 'serious').version).toBe(2);
    // behaviour on 2026-03-15 (v1), decided on 2026-12-07 (v2): v2 is no lighter for publication, so v1
    expect(forBehaviour(versions, '2026-03-15', '2026-12-07', 'serious').version).toBe(1);
  });

  it('applies the newer rule when it is lighter for the institution (a shorter serious publication)', () => {
    // behaviour on 2026-05-10 under v2 (36 months), decided on 2027-02-01 under v3 (24 months): v3 applies
    const r = forBehaviour(versions, '2026-05-10', '2027-02-01', 'serious');
    expect(r.version).toBe(3);
    expect(r.reason).toContain('从轻');
  });

  it('never applies a heavier newer rule: behaviour under v3, decided under v4 (48 months) keeps v3', () => {
    expect(forBehaviour(versions, '2027-03-01', '2027-08-01', 'serious').version).toBe(3);
  });

  it('compares only the case’s class when it is known, all classes otherwise', () => {
    // for a general case v3 changes nothing of its publicity: the old rule stays
    expect(forBehaviour(versions, '2026-05-10', '2027-02-01', 'general').version).toBe(2);
    expect(isLighter(withSerious(12, 24), DEFAULT_POLICY)).toBe(true);
    expect(isLighter(withSerious(6, 48), DEFAULT_POLICY)).toBe(false); // shorter minimum, longer maximum: mixed
    expect(isLighter(DEFAULT_POLICY, DEFAULT_POLICY)).toBe(false);
  });

  it('takes procedural periods from the version in force when the step starts', () => {
    expect(forStep(versions, '2026-12-31').document.objectionDays).toBe(7); // v2
    expect(forStep(versions, '2027-07-01').document.objectionDays).toBe(10); // v4
  });
});

describe(diffPolicies.name, () => {
  it('lists each changed figure by its path', () => {
    expect(diffPolicies(DEFAULT_POLICY, withSerious(12, 24, { objectionDays: 7 }))).toEqual([
      { path: 'objectionDays', before: 5, after: 7 },
      { path: 'publicity.serious.maxMonths', before: 36, after: 24 },
    ]);
  });
});

describe('从旧兼从轻 at the determination of a pending case (行政处罚法 art. 37)', () => {
  const [v1, v2, v3, v4] = versions;

  it('applies a lighter version published after registration', () => {
    // pinned v2 (serious 36 months) at registration, decided on 2027-02-01 under v3 (24 months)
    const r = forDetermination(v2, v3, '2027-02-01', 'serious');
    expect(r.version).toBe(3);
    expect(r.reason).toContain('第 3 版对当事人更轻');
  });

  it('keeps the pinned version when the newer one is heavier, no lighter for the class, or older', () => {
    expect(forDetermination(v3, v4, '2027-08-01', 'serious')).toMatchObject({ version: 3, reason: expect.stringContaining('第 4 版不比其轻') });
    expect(forDetermination(v2, v3, '2027-02-01', 'general').version).toBe(2); // v3 changes only serious records
    expect(forDetermination(v1, v2, '2026-05-01', 'serious').version).toBe(1); // procedure only: not lighter
    // a version older than the pinned one is not a newer rule, whatever it holds
    expect(forDetermination(v4, v3, '2027-02-01', 'serious').version).toBe(4);
  });
});
