import { publicityPeriods } from '../../../src/publicity/publicity-periods';
import { DEFAULT_POLICY } from '../../../src/policies/policy.types';
import { determinerOf } from '../../../src/record-repairs/determiner';
import { RepairFacts, unmetConditions } from '../../../src/record-repairs/repair-conditions';

const BUREAU = '11320703MB0000000W';
const codes = (f: Partial<RepairFacts>) => unmetConditions({
  severity: 'general', repairableFrom: '2026-09-01', fineImposed: true, finePaidOn: '2026-06-10', commitmentSignedOn: '2026-08-20', today: '2026-09-01', ...f,
}).map((u) => u.code);

/** 国家发展改革委令第36号: minimum period (except 轻微), every obligation fulfilled, a signed commitment. */
describe('repair conditions', () => {
  it('opens repair of a 一般 penalty decided 2026-05-31 on 2026-09-01, the day after its three months end on 08-31', () => {
    // 民法典 art. 201–202: three months from 05-31 end on 08-31 (no 09-31), so repair opens on 09-01
    expect(publicityPeriods('general', '2026-05-31', DEFAULT_POLICY.publicity).repairableFrom).toBe('2026-09-01');
    expect(codes({ today: '2026-08-31' })).toEqual(['REPAIR_PERIOD_NOT_REACHED']);
    expect(codes({ today: '2026-09-01' })).toEqual([]);
  });

  it('opens a 严重 penalty decided 2026-02-28 on 2027-03-01 and a 轻微 one at once once its obligations are fulfilled', () => {
    expect(publicityPeriods('serious', '2026-02-28', DEFAULT_POLICY.publicity).repairableFrom).toBe('2027-03-01');
    expect(codes({ severity: 'serious', repairableFrom: '2027-03-01', today: '2027-02-28' })).toEqual(['REPAIR_PERIOD_NOT_REACHED']);
    expect(codes({ severity: 'minor', repairableFrom: '2026-12-01', today: '2026-11-30' })).toEqual([]);
    expect(codes({ severity: 'minor', repairableFrom: '2026-12-01', today: '2026-11-30', finePaidOn: null })).toEqual(['REPAIR_FINE_UNPAID']);
  });

  it('names every unmet condition in order: period, unpaid fine, missing commitment', () => {
    expect(codes({ today: '2026-08-01', finePaidOn: null, commitmentSignedOn: null }))
      .toEqual(['REPAIR_PERIOD_NOT_REACHED', 'REPAIR_FINE_UNPAID', 'REPAIR_COMMITMENT_MISSING']);
    expect(codes({ fineImposed: false, finePaidOn: null })).toEqual([]);
  });
});

/** 谁认定谁修复: the bureau repairs its own penalties, refers others', and repairs case records through the case. */
describe('who determined a record', () => {
  it('tells its own penalty from another department\'s, a platform report and a case record', () => {
    expect(determinerOf({ kind: 'penalty', payload: { authorityCode: BUREAU.toLowerCase() } }, BUREAU)).toEqual({ kind: 'own' });
    expect(determinerOf({ kind: 'penalty', payload: { authorityCode: '113207060141860828', authorityName: '连云港市海州区教育局' } }, BUREAU))
      .toEqual({ kind: 'other', department: '连云港市海州区教育局' });
    expect(determinerOf({ kind: 'inbound', payload: { recordType: 'penalty', department: '连云港市市场监督管理局' } }, BUREAU))
      .toEqual({ kind: 'other', department: '连云港市市场监督管理局' });
    expect(determinerOf({ kind: 'inbound', payload: { recordType: 'honour', department: '连云港市税务局' } }, BUREAU)).toEqual({ kind: 'not-repairable' });
    expect(determinerOf({ kind: 'determination', payload: {} }, BUREAU)).toEqual({ kind: 'case' });
    expect(determinerOf({ kind: 'licence', payload: {} }, BUREAU)).toEqual({ kind: 'not-repairable' });
  });

  it('never takes a penalty without a 处罚机关代码 for the bureau\'s own: its determiner is unknown', () => {
    for (const payload of [{}, { authorityCode: '' }, { authorityCode: '   ' }, { authorityCode: null }, { authorityName: '连云港市连云区教育局' }]) {
      expect(determinerOf({ kind: 'penalty', payload }, BUREAU)).toEqual({ kind: 'unknown' });
    }
    // nor when the bureau's own code is not configured: an empty code never matches an empty setting
    expect(determinerOf({ kind: 'penalty', payload: { authorityCode: '' } }, '')).toEqual({ kind: 'unknown' });
  });
});
