import type { Severity } from '../../workflows/contracts';
import { RecordRepairErrorCode as Code } from './record-repairs.errors';

/** What the conditions are read from: the record's class and periods, the fine, the application's commitment. */
export interface RepairFacts {
  severity: Severity | null;
  /** First day repair may be granted: the day after the class's minimum publication (publicity-periods.ts). */
  repairableFrom: string | null;
  /** The penalty imposed a fine (处罚类别 含 罚款). */
  fineImposed: boolean;
  finePaidOn: string | null;
  commitmentSignedOn: string | null;
  today: string;
}

export interface UnmetCondition {
  code: Code;
  message: string;
}

/**
 * The conditions of 国家发展改革委令第36号《信用修复管理办法》 (and 国办发〔2025〕22号) for repairing a record, in the
 * order a refusal names them; empty when repair may be granted:
 * - the minimum publication period has passed — except for 轻微, repairable once its obligations are fulfilled;
 * - every obligation of the decision is fulfilled: a fine is recorded as paid, with date and receipt;
 * - a credit commitment (信用修复承诺书) is signed and will be published with the repair.
 * Correction of the behaviour is the approver's judgement on the application's evidence, not a date the system has.
 */
export function unmetConditions(f: RepairFacts): UnmetCondition[] {
  const unmet: UnmetCondition[] = [];
  if (f.severity !== 'minor' && f.repairableFrom && f.today < f.repairableFrom) {
    unmet.push({ code: Code.REPAIR_PERIOD_NOT_REACHED, message: `最短公示期未满，${f.repairableFrom} 起方可予以信用修复（国家发展改革委令第36号）` });
  }
  if (f.fineImposed && !f.finePaidOn) {
    unmet.push({ code: Code.REPAIR_FINE_UNPAID, message: '行政处罚决定的罚款尚未登记缴纳（缴纳日期和票据号），未履行全部法定义务，不能予以信用修复' });
  }
  if (!f.commitmentSignedOn) {
    unmet.push({ code: Code.REPAIR_COMMITMENT_MISSING, message: '申请人尚未签署信用修复承诺书，不能予以信用修复' });
  }
  return unmet;
}
