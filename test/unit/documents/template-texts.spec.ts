import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DOCUMENT_KINDS, DocumentKind } from '../../../src/documents/document-kinds';
import { DEFAULT_PREFIXES } from '../../../src/documents/settings/document-settings.service';
import { DataReader, DocumentContent, fill, SubjectFacts, templateFor } from '../../../src/documents/templates';
import { EXAMPLE_DATA } from '../../../src/documents/templates/examples';
import { caseFacts, settings, SUBJECTS } from '../../support/template-fixture';

/**
 * Issued documents are re-verified and re-rendered from the template version that made them (issue #13), so the text
 * of every existing version must never change. Every kind × every version × a few data variants is filled with the
 * example data and compared with `template-texts.json`, written from the code before the templates shared their
 * common parts. A new version adds entries: `UPDATE_TEMPLATE_TEXTS=1` rewrites the file, and the diff may only add.
 */
const FIXTURE = join(__dirname, 'template-texts.json');

/** The other branches of the wording: each overrides the example data of its kind. */
const VARIANTS: Partial<Record<DocumentKind, Record<string, Record<string, unknown>>>> = {
  'objection-result': { upheld: { outcome: 'upheld' }, partly: { outcome: 'partly' } },
  'record-objection-result': { upheld: { outcome: 'upheld' } },
  'determination-decision': { minor: { severity: 'minor', noticeDocNo: undefined, publicityUntil: undefined } },
  'repair-notice': { minor: { severity: 'minor' } },
  'repair-decision': { approved: { approved: true, effectiveOn: '2027-10-20', reasons: undefined } },
  'record-repair-decision': { refused: { approved: false, reasons: '罚款尚未缴纳。', effectiveOn: undefined } },
  'sanction-lifting-letter': { withdrawn: { reason: 'withdrawn', basisDocNo: '连区教信撤〔2027〕1号' } },
  'rectification-order': { working: { round: 2, periodUnit: 'working', rectificationDays: 10 } },
  'interview-notice': { materials: { interviewKind: 'reminder', materials: ['整改报告', '退费台账'] } },
};

function versions(kind: DocumentKind): number[] {
  const out: number[] = [];
  for (let v = 1; ; v++) {
    try { templateFor(kind, v); } catch { return out; }
    out.push(v);
  }
}

function render(kind: DocumentKind, version: number, subject: SubjectFacts, data: Record<string, unknown>, replaces: boolean): DocumentContent {
  const clean = Object.fromEntries(Object.entries(data).filter(([, v]) => v !== undefined));
  return fill(templateFor(kind, version), { settings, subject, case: caseFacts, data: new DataReader(clean), today: '2026-12-01' }, {
    docNo: `${DEFAULT_PREFIXES[kind]}〔2026〕7号`, issuedOn: '2026-12-01', draft: false,
    replaces: replaces ? { docNo: `${DEFAULT_PREFIXES[kind]}〔2026〕6号`, reason: '当事人名称有误。' } : null,
    verification: { code: 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', url: `${settings.verifyBaseUrl}?code=ABCDEFGHIJKLMNOPQRSTUVWXYZ` },
  }).content;
}

function renderAll(): Record<string, DocumentContent> {
  const out: Record<string, DocumentContent> = {};
  for (const kind of DOCUMENT_KINDS) {
    for (const version of versions(kind)) {
      for (const [who, subject] of Object.entries(SUBJECTS)) {
        out[`${kind}@${version}/${who}`] = render(kind, version, subject, EXAMPLE_DATA[kind], false);
        for (const [name, extra] of Object.entries(VARIANTS[kind] ?? {})) {
          out[`${kind}@${version}/${who}/${name}`] = render(kind, version, subject, { ...EXAMPLE_DATA[kind], ...extra }, false);
        }
      }
      out[`${kind}@${version}/institution/replacing`] = render(kind, version, SUBJECTS.institution, EXAMPLE_DATA[kind], true);
    }
  }
  return out;
}

describe('document template texts', () => {
  const rendered = renderAll();
  if (process.env.UPDATE_TEMPLATE_TEXTS === '1') writeFileSync(FIXTURE, `${JSON.stringify(rendered, null, 1)}\n`);
  const expected = JSON.parse(readFileSync(FIXTURE, 'utf8')) as Record<string, DocumentContent>;

  it('should hold a text for every version of every kind', () => {
    const missing = DOCUMENT_KINDS.flatMap((kind) => versions(kind).map((v) => `${kind}@${v}/institution`)).filter((k) => !(k in expected));
    expect(missing).toEqual([]);
  });

  it.each(Object.keys(expected))('should say exactly what %s said when it was first issued', (key) => {
    expect(JSON.stringify(rendered[key], null, 1)).toBe(JSON.stringify(expected[key], null, 1));
  });
});
