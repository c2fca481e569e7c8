import { addMonths } from '../calendar/iso-date';
import type { FieldCryptoService } from '../common/crypto/field-crypto.service';
import type { Queryable } from '../credit-file/chain-audit';
import { appendToChain, ChainAppendDeps } from '../credit-file/credit-append';
import type { CreditRecordKind } from '../credit-file/credit-record.types';
import { inPublicationSql, shanghaiToday } from '../credit-file/credit-status';
import { maskPersonalData, sealPersonalData } from '../credit-file/personal-data';
import { OutboxService } from '../platform/outbox.service';
import type { PolicyDocument } from '../policies/policy.types';
import type { Severity } from '../../workflows/contracts';
import { classificationThresholds, classifyPenalty, CLASS_LABELS, CLASS_RANK, Procedure } from './classification';
import { draftPublicText, namesOfRecord } from './public-projection';
import { checkPublicText } from './public-text-guard';
import { publicTextHash } from './public-text.service';

/**
 * The transition to 国家发展改革委令第36号 (in force 2026-04-01; brief §5): every record still in publication is
 * re-classified by the rule, minor ones are withdrawn, periods longer than the class's maximum are cut, and each
 * change is a `reclassification` record in the credit file (append-only, hash-chained, shared with the platform).
 * Every public record's public text is checked by the guard: a clean one is carried over as the text in force, one
 * that fails is withheld until an officer redrafts it and an approver signs off (GET /api/publicity/transition-report).
 *
 * Migration 1765400000000 runs it once without Nest; a test runs the same function on records it seeded. Running
 * it again changes nothing: each record's reclassification and text are keyed by the record.
 */
export const TRANSITION_SOURCE = '国家发展改革委令第36号《信用修复管理办法》（2026-04-01 施行）过渡处理';
const CLASSIFIED_KINDS: CreditRecordKind[] = ['penalty', 'determination'];
const PUBLIC_KINDS: CreditRecordKind[] = ['licence', 'penalty', 'determination', 'joint_sanction', 'honour', 'commitment', 'correction'];

export interface TransitionOptions {
  /** Only these institutions (a test's own); all when absent. */
  institutionIds?: string[];
  today?: string;
}

export interface TransitionResult {
  reclassified: number;
  withdrawn: number;
  cut: number;
  textsCarried: number;
  textsWithheld: number;
}

interface Row {
  id: string;
  uscc: string;
  kind: CreditRecordKind;
  title: string;
  decisionDate: string;
  severity: Severity | null;
  publicityUntil: string | null;
  payload: Record<string, unknown>;
  sourceRef: string;
  caseNo: string | null;
  officeCode: string | null;
  legalRep: string | null;
  cataloguePublish: boolean | null;
}

const SELECT = (d: string) => `
  SELECT r.id, r.uscc, r.kind, r.title, r.decision_date::text AS "decisionDate", r.severity,
         r.publicity_until::text AS "publicityUntil", r.payload, r.source_ref AS "sourceRef", r.case_no AS "caseNo",
         r.office_code AS "officeCode", i.legal_rep_name AS "legalRep", ci.publish AS "cataloguePublish"
    FROM credit_records r JOIN institutions i ON i.id = r.institution_id
    LEFT JOIN catalogue_items ci ON ci.version = r.catalogue_version AND ci.code = r.behaviour_code
   WHERE r.kind = ANY($1) AND ($2::uuid[] IS NULL OR r.institution_id = ANY($2)) AND ${inPublicationSql('r', d, { effects: false })}
   ORDER BY r.institution_id, r.seq`;

/** Without Nest: records of the transition carry no ID number, so sealing must never be needed. */
const transitionDeps = (): ChainAppendDeps => {
  const noKeys = { encrypt() { throw new Error('the 36号令 transition writes no personal data'); }, decrypt() { throw new Error('no keys here'); } };
  const crypto = noKeys as unknown as FieldCryptoService;
  const outbox = new OutboxService();
  return {
    seal: (p) => sealPersonalData(p, crypto),
    mask: (p) => maskPersonalData(p, crypto),
    enqueue: (m, s) => outbox.enqueue(m as Parameters<OutboxService['enqueue']>[0], s),
  };
};

export async function runPublicationTransition(m: Queryable, opts: TransitionOptions = {}): Promise<TransitionResult> {
  const today = opts.today ?? shanghaiToday();
  const [policy] = await m.query(`SELECT document FROM policies WHERE active`);
  if (!policy) return { reclassified: 0, withdrawn: 0, cut: 0, textsCarried: 0, textsWithheld: 0 };
  const doc = policy.document as PolicyDocument;
  const result: TransitionResult = { reclassified: 0, withdrawn: 0, cut: 0, textsCarried: 0, textsWithheld: 0 };
  const scope = opts.institutionIds ?? null;

  const classified: Row[] = await m.query(SELECT('$3::date'), [CLASSIFIED_KINDS, scope, today]);
  const deps = transitionDeps();
  for (const r of classified) {
    const change = reclassify(r, doc, today);
    if (!change) continue;
    const { created } = await appendToChain(m, change, deps);
    if (!created) continue;
    result.reclassified++;
    if (change.payload.action === 'withdrawn') result.withdrawn++;
    if (change.payload.action === 'cut') result.cut++;
  }

  // what is still public after the re-classification gets its public text checked
  const publicRows: Row[] = await m.query(SELECT('$3::date'), [PUBLIC_KINDS, scope, today]);
  for (const r of publicRows) {
    // a stored determination's facts are the lead's allegation, never approved findings: only its title carries over
    const fields = draftPublicText(r.kind, r.title, r.payload, r.kind === 'determination' ? ['title'] : undefined);
    const findings = checkPublicText(fields, namesOfRecord(r.payload, [r.legalRep]));
    const status = findings.length ? 'withheld' : 'approved';
    // the text carried over is not shown in the findings: a withheld one keeps no copy of the personal data
    const stored = findings.length ? {} : fields;
    const [inserted] = await m.query(
      `INSERT INTO public_texts (record_ref, uscc, version, fields, hash, status, origin, findings, approved_at)
       SELECT $1, $2, 1, $3, $4, $5, 'transition', $6, CASE WHEN $5 = 'approved' THEN now() END
        WHERE NOT EXISTS (SELECT 1 FROM public_texts WHERE record_ref = $1)
       RETURNING id`,
      [r.sourceRef, r.uscc, stored, publicTextHash(stored), status, findings.length ? JSON.stringify(findings) : null]);
    if (inserted) result[findings.length ? 'textsWithheld' : 'textsCarried']++;
  }
  return result;
}

/** The reclassification record a published record needs under 36号令, or null when it already complies. */
function reclassify(r: Row, doc: PolicyDocument, today: string) {
  const rule = ruleClass(r, doc);
  const to = rule.class;
  const from = r.severity ?? 'general';
  const windows = doc.publicity;
  const withdraw = to === 'minor' || r.cataloguePublish === false;
  const maxUntil = withdraw ? null : addMonths(r.decisionDate, windows[to].maxMonths);
  const cut = !withdraw && (r.publicityUntil === null || r.publicityUntil > maxUntil!);
  if (!withdraw && !cut && to === from) return null;
  const action = withdraw ? 'withdrawn' : cut ? 'cut' : 'reclassified';
  const publicityUntil = withdraw ? null : cut ? maxUntil : r.publicityUntil;
  const what = withdraw ? '撤下公示' : cut ? `公示期缩短至 ${maxUntil}` : '公示期不变';
  return {
    uscc: r.uscc, kind: 'reclassification' as const, severity: to, decisionDate: today, refersTo: r.id,
    title: `重新分类：${CLASS_LABELS[from]}→${CLASS_LABELS[to]}，${what}`,
    payload: {
      action, fromClass: from, toClass: to, reasons: rule.reasons, publicityUntil, previousPublicityUntil: r.publicityUntil,
      basis: TRANSITION_SOURCE,
    },
    sourceRef: `reclassification:36:${r.id}`, caseNo: r.caseNo, officeCode: r.officeCode,
  };
}

/**
 * A penalty by the rule from its stored categories and amounts (the procedure was not recorded before: taken as
 * general, which can only err towards publishing). A class a clerk set to 严重 is kept: it was never a default, so
 * it counts as a raise; 一般 was the default when nothing was chosen, so it proves nothing. A determination keeps
 * the class its case decided (upheld objections may have lowered it); its catalogue item may forbid publication.
 */
function ruleClass(r: Row, doc: PolicyDocument): { class: Severity; reasons: string[] } {
  if (r.kind !== 'penalty') return { class: r.severity ?? 'general', reasons: [`失信认定的分类：${CLASS_LABELS[r.severity ?? 'general']}`] };
  const categories = Array.isArray(r.payload.penaltyCategory) ? (r.payload.penaltyCategory as string[]) : [];
  if (!categories.length) return { class: r.severity ?? 'general', reasons: ['未记录处罚类别，保留原分类'] };
  const procedure: Procedure = r.payload.procedure === 'simple' ? 'simple' : 'general';
  const facts = { procedure, categories, fineAmount: num(r.payload.fineAmount), confiscatedAmount: num(r.payload.confiscatedAmount) };
  const attempt = (p: Procedure) => {
    try {
      return classifyPenalty({ ...facts, procedure: p }, classificationThresholds(doc));
    } catch {
      return null; // a stored simple-procedure penalty the procedure could not impose: classified as general
    }
  };
  const rule = attempt(procedure) ?? attempt('general') ?? { class: r.severity ?? 'general', reasons: ['处罚类别无法识别，保留原分类'] };
  if (r.severity === 'serious' && CLASS_RANK[rule.class] < CLASS_RANK.serious) {
    return { class: 'serious', reasons: [...rule.reasons, '登记时已确定为严重，予以保留'] };
  }
  return { class: rule.class, reasons: procedure === 'general' && r.payload.procedure === undefined ? [...rule.reasons, '未记录处罚程序，按一般程序分类'] : rule.reasons };
}

const num = (v: unknown) => (typeof v === 'number' ? v : typeof v === 'string' && v.trim() !== '' && !Number.isNaN(Number(v)) ? Number(v) : null);
