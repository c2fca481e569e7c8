import type { DataSource } from 'typeorm';
import type { Actor, CaseInput } from '../../workflows/contracts';

/** An institution of the bench and its portal account. */
export interface Party { institutionId: string; uscc: string; account: Actor }

/**
 * The case bench's data: an office of officers and approvers, one institution (with its account) per case, and a
 * policy version whose first task is due the day it opens (for the escalation waves).
 */
export async function seedCaseBench(ds: DataSource, parties: number) {
  const staff = async (role: 'officer' | 'approver', n: number): Promise<Actor[]> => {
    const rows: { id: string }[] = await ds.query(
      `INSERT INTO users (username, password_hash, role, display_name, office_code)
       SELECT 'bench-' || $1 || g, 'x', $1, '基准' || $1 || g, 'XWPX' FROM generate_series(1, $2::int) g RETURNING id`, [role, n]);
    return rows.map((r) => ({ id: r.id, role, officeCode: 'XWPX' }));
  };
  // an office of five officers and two approvers: each new task notifies all of them, as in production
  const [officer] = await staff('officer', 5);
  const [approver] = await staff('approver', 2);
  await ds.query(
    `INSERT INTO institutions (uscc, name, type, legal_rep_name, legal_rep_id_enc, legal_rep_id_hmac, office_code)
     SELECT 'BC' || lpad(g::text, 16, '0'), '基准测试培训学校' || g, 'off_campus_training', '测试', 'x', md5(g::text), 'XWPX'
       FROM generate_series(1, $1::int) g`, [parties]);
  await ds.query(
    `INSERT INTO users (username, password_hash, role, display_name, uscc)
     SELECT 'bench-inst-' || g, 'x', 'institution', '机构账号' || g, 'BC' || lpad(g::text, 16, '0') FROM generate_series(1, $1::int) g`, [parties]);
  // each signed 电子送达确认书: documents are served in the portal on issue, as for most institutions in production (a
  // case waiting for paper service would wait for an officer the bench does not have)
  await ds.query(
    `INSERT INTO electronic_service_consents (institution_id, uscc, signed_on, signatory, recorded_by)
     SELECT id, uscc, current_date, '测试', $1 FROM institutions WHERE uscc LIKE 'BC%'`, [officer.id]);
  const rows: { id: string; uscc: string; account: string }[] = await ds.query(
    `SELECT i.id, i.uscc, u.id AS account FROM institutions i JOIN users u ON u.uscc = i.uscc WHERE i.uscc LIKE 'BC%' ORDER BY i.uscc`);
  const [{ version: policyVersion }] = await ds.query(`SELECT version FROM policies WHERE active`);
  // the escalation waves need a first task due the day it opens; cases pin their policy version, so this one is never activated
  const [{ version: sameDayPolicy }] = await ds.query(
    `INSERT INTO policies (version, document, active, note)
     SELECT (SELECT max(version) + 1 FROM policies), document || '{"investigationDays": 0}'::jsonb, false, 'bench: investigation due the same day'
       FROM policies WHERE active RETURNING version`);
  await ds.query(`ANALYZE`);
  const list: Party[] = rows.map((r) => ({ institutionId: r.id, uscc: r.uscc, account: { id: r.account, role: 'institution', officeCode: null, uscc: r.uscc } }));
  return { officer, approver, parties: list, policyVersion: policyVersion as number, sameDayPolicy: sameDayPolicy as number };
}

export type Seeded = Awaited<ReturnType<typeof seedCaseBench>>;
let nextParty = 0;

/** A case against the next unused institution (each case its own credit file, so no chain lock is shared). */
export function caseInput(s: Seeded, caseNo: string, policyVersion: number): CaseInput & { party: Party } {
  const p = s.parties[nextParty++ % s.parties.length];
  return {
    party: p,
    caseNo, institutionId: p.institutionId, uscc: p.uscc, behaviourCode: 'EDU-001', catalogueVersion: 1, policyVersion,
    severity: 'general', rectificationCalendarDays: 30, facts: '基准测试：未取得办学许可证擅自开展学科类培训', source: 'complaint',
    officeCode: 'XWPX', registeredBy: s.officer,
  };
}

export const withoutParty = ({ party: _, ...input }: CaseInput & { party: Party }): CaseInput => input;
