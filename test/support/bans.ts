import { randomBytes } from 'node:crypto';
import { beijingToday } from '../../src/common/time/beijing';
import type { TestApp } from './app';
import { auth } from './http-case';

export interface BanBody {
  personName: string;
  personIdNumber: string;
  uscc?: string;
  fromDate: string;
  untilDate: string;
}

/**
 * A ban in force the way another authority's decision becomes one here (there is no route that imposes a ban
 * directly any more): an officer registers the 行政处罚决定书, an approver of the office approves it (four eyes).
 * For tests that need a ban, not the procedure; the procedure itself is test/e2e/industry-bans.e2e-spec.ts.
 */
export async function registerBan(t: TestApp, officer: string, approver: string, body: BanBody): Promise<string> {
  const decided = body.fromDate < beijingToday() ? body.fromDate : beijingToday();
  const proposal = await t.http().post('/api/industry-bans/external').set(auth(officer)).send({
    measureId: 'M-XZCY', decisionNo: `连市教罚〔2026〕${randomBytes(3).toString('hex')}号`, issuer: '连云港市教育局',
    decidedOn: decided, servedOn: decided, reason: '登记上级机关作出的限制从业决定', ...body,
  });
  if (proposal.status !== 202) throw new Error(`external ban: ${proposal.status} ${JSON.stringify(proposal.body)}`);
  const approved = await t.http().post(`/api/decision-proposals/${proposal.body.id}/approve`).set(auth(approver)).send({});
  if (approved.status !== 200) throw new Error(`approve external ban: ${approved.status} ${JSON.stringify(approved.body)}`);
  const [ban] = await t.ds.query(`SELECT id FROM industry_bans WHERE decision_no = $1`, [proposal.body.change.decisionNo]);
  return ban.id;
}
