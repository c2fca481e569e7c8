import { randomBytes } from 'node:crypto';
import type { TestApp } from '../../support/app';
import { makeIdNumber, makeUscc } from '../../support/factories';

export const auth = (token: string) => ({ Authorization: `Bearer ${token}` });

/** Registers an institution through the API (a real encrypted ID number, unlike the raw-SQL factory). */
export async function registerInstitution(t: TestApp, token: string, opts: { idNumber?: string; officeCode?: string } = {}) {
  const uscc = makeUscc();
  const idNumber = opts.idNumber ?? makeIdNumber();
  const name = `海州区信用测试培训学校${randomBytes(3).toString('hex')}`;
  await t.http().post('/api/institutions').set(auth(token)).send({
    uscc, name, type: 'off_campus_training', legalRepresentative: { name: '陈明远', idNumber }, officeCode: opts.officeCode ?? 'XWPX',
  }).expect(201);
  return { uscc, name, idNumber };
}

/** A general-procedure penalty of 警告 and a 5,000-yuan fine: 一般 by the rule, published for a year once its text is approved. */
export function penaltyBody(uscc: string, overrides: Record<string, unknown> = {}) {
  return {
    subjectName: '海州区信用测试培训学校', subjectCategory: '法人及非法人组织', uscc, legalRepName: '陈明远',
    decisionNo: `海教罚〔2026〕${randomBytes(4).toString('hex')}号`, violationType: '超范围培训', procedure: 'general',
    facts: '超出办学许可范围开展学科类培训', basis: '《校外培训行政处罚暂行办法》第十八条', penaltyCategory: ['警告', '罚款'],
    content: '警告，罚款人民币五千元', fineAmount: 0.5, decisionDate: '2026-09-30', validUntil: '2027-09-30',
    authorityName: '连云港市海州区教育局', authorityCode: '113207060141860828',
    sourceUnitName: '连云港市海州区教育局', sourceUnitCode: '113207060141860828', ...overrides,
  };
}

/**
 * Registers a penalty as an officer and signs its public text off as an approver (two people), which publishes it:
 * the answer is the decision as published, with its credit record.
 */
export async function publishPenalty(t: TestApp, tokens: { officer: string; approver: string }, body: Record<string, unknown>) {
  const registered = await t.http().post('/api/publicity/penalties').set(auth(tokens.officer)).send(body).expect(201);
  const text = registered.body.publicText;
  const approved = await t.http().post(`/api/publicity/public-texts/${text.id}/approve`).set(auth(tokens.approver))
    .send({ hash: text.hash }).expect(200);
  return approved.body.decision as { id: string; recordId: string; status: string; publicityUntil: string; [k: string]: unknown };
}

/** Days relative to today in Beijing, for windows that must be open "now". */
export function daysFromToday(days: number): string {
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
  return new Date(Date.parse(`${today}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}
