import { ChainRow, verifyRows } from './credit-chain';
import type { ChainVerification } from './credit-record.types';

/** Anything with `query` — a DataSource, an EntityManager, a bare pg-backed connection in a script. */
export interface Queryable {
  query(sql: string, params?: unknown[]): Promise<any>;
}

/** Exactly the columns the hash covers, read back in the shape `chainHash` expects. */
const CHAIN_COLUMNS = `r.id, r.uscc, r.seq, r.kind, r.title, r.decision_date::text AS "decisionDate", r.severity,
  r.publicity_from::text AS "publicityFrom", r.publicity_until::text AS "publicityUntil", r.payload,
  r.source_ref AS "sourceRef", r.refers_to AS "refersTo", r.case_no AS "caseNo", r.office_code AS "officeCode",
  r.created_by AS "createdBy", r.created_at AS "createdAt", r.prev_hash AS "prevHash", r.hash`;

/** Recomputes one institution's chain against its stored hashes and its head. */
export async function verifyInstitutionChain(db: Queryable, institutionId: string): Promise<ChainVerification> {
  const rows: (Omit<ChainRow, 'createdAt'> & { createdAt: Date })[] = await db.query(
    `SELECT ${CHAIN_COLUMNS} FROM credit_records r WHERE r.institution_id = $1 ORDER BY r.seq`, [institutionId]);
  const [head] = await db.query(`SELECT seq, hash FROM credit_chain_heads WHERE institution_id = $1`, [institutionId]);
  return verifyRows(rows.map((r) => ({ ...r, createdAt: r.createdAt.toISOString() })), head ?? null);
}

/** Recomputes a natural person's chain (src/subjects) against its stored hashes and its head. */
export async function verifySubjectChain(db: Queryable, subjectId: string): Promise<ChainVerification> {
  const rows: (Omit<ChainRow, 'createdAt'> & { createdAt: Date })[] = await db.query(
    `SELECT ${CHAIN_COLUMNS} FROM credit_records r WHERE r.subject_id = $1 AND r.institution_id IS NULL ORDER BY r.seq`, [subjectId]);
  const [head] = await db.query(`SELECT seq, hash FROM subject_chain_heads WHERE subject_id = $1`, [subjectId]);
  return verifyRows(rows.map((r) => ({ ...r, createdAt: r.createdAt.toISOString() })), head ?? null);
}

/** Every institution that has a credit file (a head, or records whose head was removed), in USCC order; then every person's. */
export async function* verifyAllChains(db: Queryable): AsyncGenerator<{ uscc: string; name: string; result: ChainVerification }> {
  const institutions: { id: string; uscc: string; name: string }[] = await db.query(
    `SELECT i.id, i.uscc, i.name FROM institutions i
      WHERE EXISTS (SELECT 1 FROM credit_chain_heads h WHERE h.institution_id = i.id)
         OR EXISTS (SELECT 1 FROM credit_records r WHERE r.institution_id = i.id)
      ORDER BY i.uscc`);
  for (const i of institutions) yield { uscc: i.uscc, name: i.name, result: await verifyInstitutionChain(db, i.id) };
  // natural persons' chains (issue #19), named by subject id: a person's name or number has no place in an ops report
  const persons: { id: string }[] = await db.query(
    `SELECT s.id FROM subjects s WHERE s.kind = 'person'
        AND (EXISTS (SELECT 1 FROM subject_chain_heads h WHERE h.subject_id = s.id)
          OR EXISTS (SELECT 1 FROM credit_records r WHERE r.subject_id = s.id AND r.institution_id IS NULL))
      ORDER BY s.id`);
  for (const p of persons) yield { uscc: `subject:${p.id}`, name: '自然人', result: await verifySubjectChain(db, p.id) };
}
