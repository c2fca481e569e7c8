/**
 * Who determined a record (谁认定谁修复, 国家发展改革委令第36号): the bureau repairs what it determined and refers the
 * rest to the department that did. A 双公示 penalty names its 处罚机关 and that body's code; a record reported
 * through the municipal platform names the reporting department; a case's determination is the bureau's own,
 * repaired through its case. A penalty that names no 处罚机关代码 has no known determiner: never the bureau's own by
 * default (it could be anyone's), so it is refused until the record is corrected (issue #19 review).
 */
export type Determiner =
  | { kind: 'own' }
  | { kind: 'case' }
  | { kind: 'other'; department: string }
  | { kind: 'not-repairable' }
  | { kind: 'unknown' };

export interface DeterminedRecord {
  kind: string;
  payload: Record<string, unknown>;
}

export function determinerOf(r: DeterminedRecord, bureauCode: string): Determiner {
  const p = r.payload;
  if (r.kind === 'determination' || r.kind === 'joint_sanction') return { kind: 'case' };
  if (r.kind === 'inbound') {
    // only what another department reported as a finding against the institution; an honour has nothing to repair
    const type = typeof p.recordType === 'string' ? p.recordType : '';
    return ['penalty', 'determination'].includes(type) ? { kind: 'other', department: text(p.department) ?? '报送部门' } : { kind: 'not-repairable' };
  }
  if (r.kind !== 'penalty') return { kind: 'not-repairable' };
  const code = typeof p.authorityCode === 'string' ? p.authorityCode.trim().toUpperCase() : '';
  if (!code) return { kind: 'unknown' };
  return code === bureauCode.toUpperCase() ? { kind: 'own' } : { kind: 'other', department: text(p.authorityName) ?? '处罚机关' };
}

const text = (v: unknown): string | null => (typeof v === 'string' && v.trim() ? v.trim() : null);
