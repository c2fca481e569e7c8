import { EffectSource, effectsFor } from '../../../src/effects/effect-rules';

const record = (r: Partial<EffectSource>): EffectSource => ({
  id: 'r', kind: 'determination', decisionDate: '2026-10-09', severity: 'general', publicityFrom: null, publicityUntil: null, payload: {}, ...r,
});
const ends = (effects: ReturnType<typeof effectsFor>, kind: string) => effects.filter((e) => e.kind === kind).map((e) => e.endsOn);

describe('the effects a record opens (issue #16, 36号令 art. 3)', () => {
  it('a serious determination: publication, sharing, the deduction and the award exclusion, all to its publication end', () => {
    const e = effectsFor(record({ severity: 'serious', publicityFrom: '2026-10-09', publicityUntil: '2029-10-09' }));
    expect(e.map((x) => [x.type, x.kind, x.startsOn, x.endsOn])).toEqual([
      ['credit-measure', 'publication', '2026-10-09', '2029-10-09'],
      ['credit-measure', 'sharing', '2026-10-09', '2029-10-09'],
      ['credit-measure', 'grade-deduction', '2026-10-09', '2029-10-09'],
      ['credit-measure', 'award-exclusion', '2026-10-09', '2029-10-09'],
    ]);
  });

  const sanction = (publicityUntil: string, persons: unknown[] = []) => record({
    kind: 'joint_sanction', decisionDate: '2026-10-20', publicityFrom: '2026-10-20', publicityUntil,
    payload: { measures: ['限制参加评先评优'], departments: ['市场监管局'], persons },
  });

  it('caps a joint sanction at its determination’s publication end, not at a ten-year ban’s end', () => {
    const e = effectsFor(sanction('2036-10-20', [{ name: '陈某', banFrom: '2026-10-20', banUntil: '2036-10-20' }]), '2029-10-09');
    expect(ends(e, 'joint-sanction-measure')).toEqual(['2029-10-09']);
    expect(e.filter((x) => x.kind === 'ban')).toEqual([expect.objectContaining({ type: 'penalty', endsOn: '2036-10-20', measure: '限制从业（第1人）' })]);
  });

  it('does not end a joint sanction on its decision date (what the workflow wrote without a ban)', () => {
    // no determination known: 36 months from 2026-10-20 → 2029-10-20 (民法典 art. 202)
    expect(ends(effectsFor(sanction('2026-10-20')), 'joint-sanction-measure')).toEqual(['2029-10-20']);
  });

  it('keeps a shorter term the sanction was given', () => {
    expect(ends(effectsFor(sanction('2027-10-19'), '2029-10-09'), 'joint-sanction-measure')).toEqual(['2027-10-19']);
  });

  it('a catalogue measure on a list entry: its id, basis and own departments, to the entry\'s term', () => {
    const e = effectsFor(record({
      kind: 'joint_sanction', decisionDate: '2026-10-20', publicityFrom: '2026-10-20', publicityUntil: '2029-10-09',
      payload: {
        departments: ['财政部门', '教育行政部门'],
        measures: [
          { id: 'M-ZFCG', name: '限制参加政府采购活动', basis: '政府采购法第二十二条', departments: ['财政部门'], until: '2029-10-09' },
          { id: 'M-CZZJ', name: '限制申请财政性资金项目', basis: '国办发〔2020〕49号', departments: ['财政部门', '教育行政部门'], until: '2029-10-09' },
        ],
      },
    }), '2029-10-09');
    expect(e.map((x) => [x.measureId, x.basis, x.departments, x.endsOn])).toEqual([
      ['M-ZFCG', '政府采购法第二十二条', ['财政部门'], '2029-10-09'],
      ['M-CZZJ', '国办发〔2020〕49号', ['财政部门', '教育行政部门'], '2029-10-09'],
    ]);
  });

  it('a 双公示 penalty opens its fine and 限制从业 as penalties beside its publication', () => {
    const e = effectsFor(record({ kind: 'penalty', publicityFrom: '2026-09-30', publicityUntil: '2027-09-30',
      payload: { penaltyCategory: ['罚款', '限制从业'], validUntil: '2031-09-30' } }));
    expect(e.map((x) => [x.type, x.kind, x.endsOn])).toEqual([
      ['credit-measure', 'publication', '2027-09-30'], ['credit-measure', 'sharing', '2027-09-30'],
      ['penalty', 'fine', null], ['penalty', 'ban', '2031-09-30'],
    ]);
  });

  it('opens nothing for records that decide nothing against the institution', () => {
    expect(effectsFor(record({ kind: 'honour' }))).toEqual([]);
    expect(effectsFor(record({ kind: 'repair' }))).toEqual([]);
  });
});
