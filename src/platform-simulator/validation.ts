import { isValidUscc } from '../common/validation/uscc';
import type { Faults } from './store';

export const RECORD_TYPES = [
  'licence', 'penalty', 'determination', 'interview', 'commitment', 'joint_sanction_notice', 'repair', 'correction',
  'publication_end', 'reclassification', 'repair_result',
] as const;

export interface FieldError {
  field: string;
  message: string;
}

export interface IncomingRecord {
  idempotencyKey: string;
  type: string;
  recordRef: string | null;
  uscc: string | null;
  payload: Record<string, unknown>;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

function isRealDate(s: string): boolean {
  if (!ISO_DATE.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

function at(obj: Record<string, unknown>, path: string): unknown {
  return path.split('.').reduce<unknown>((o, k) => (isObject(o) ? o[k] : undefined), obj);
}

/**
 * The platform's own checks (what a real exchange platform rejects with 422), plus any field rejection
 * injected by an administrator to rehearse the needs-fixing flow.
 */
export function validateRecord(body: unknown, faults: Faults): { record?: IncomingRecord; errors: FieldError[] } {
  if (!isObject(body)) return { errors: [{ field: '', message: '请求体必须是 JSON 对象' }] };
  const errors: FieldError[] = [];
  const key = body.idempotencyKey;
  if (typeof key !== 'string' || key.length < 1 || key.length > 200) {
    errors.push({ field: 'idempotencyKey', message: '幂等键必填，长度 1–200' });
  }
  if (typeof body.type !== 'string' || !(RECORD_TYPES as readonly string[]).includes(body.type)) {
    errors.push({ field: 'type', message: `信息类别必须是 ${RECORD_TYPES.join('、')} 之一` });
  }
  // a natural person (双公示 field set: 证件类型, 证件号码) has no USCC; the number travels sealed, as legal reps' do
  const fields = isObject(body.payload) && isObject(body.payload.payload) ? body.payload.payload : null;
  if (fields?.subjectCategory === '自然人') {
    if (body.uscc != null) errors.push({ field: 'uscc', message: '行政相对人为自然人时不报送统一社会信用代码' });
    if (typeof fields.idType !== 'string' || typeof fields.idEnc !== 'string') {
      errors.push({ field: 'payload.payload.idEnc', message: '行政相对人为自然人时须报送证件类型和证件号码' });
    }
  } else if (typeof body.uscc !== 'string' || !isValidUscc(body.uscc)) {
    errors.push({ field: 'uscc', message: '统一社会信用代码不符合 GB 32100-2015 校验规则' });
  }
  if (!isObject(body.payload)) {
    errors.push({ field: 'payload', message: '业务数据必须是 JSON 对象' });
  } else {
    const p = body.payload;
    if (p.decisionDate !== undefined && (typeof p.decisionDate !== 'string' || !isRealDate(p.decisionDate))) {
      errors.push({ field: 'payload.decisionDate', message: '决定日期须为有效日期，格式 YYYY-MM-DD' });
    }
    if (body.type === 'joint_sanction_notice') {
      if (typeof p.department !== 'string' || !p.department) {
        errors.push({ field: 'payload.department', message: '联合惩戒通知须指明接收部门' });
      }
      if (typeof p.caseNo !== 'string' || !p.caseNo) errors.push({ field: 'payload.caseNo', message: '联合惩戒通知须注明案件编号' });
    }
  }
  for (const rule of faults.rejectFields) {
    const value = at(body, rule.field);
    const hit = rule.pattern ? value !== undefined && new RegExp(rule.pattern).test(typeof value === 'string' ? value : JSON.stringify(value)) : value !== undefined;
    if (hit) errors.push({ field: rule.field, message: rule.message });
  }
  if (errors.length) return { errors };
  return {
    errors,
    record: {
      idempotencyKey: key as string,
      type: body.type as string,
      recordRef: typeof body.recordRef === 'string' ? body.recordRef : null,
      uscc: typeof body.uscc === 'string' ? body.uscc : null,
      payload: body.payload as Record<string, unknown>,
    },
  };
}
