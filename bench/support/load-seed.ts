/**
 * Set-based background data for bench/load.bench.ts, so the lists the officers page through are realistic:
 * 2,000 institutions and 10,000 cases over five offices, three completed tasks per case and one open task for
 * 40 % of them (4,000 open: ~800 per office, 30 % claimed by one of the office's ten officers, due from 10 days
 * ago to 20 days ahead, flagged overdue when past). These rows have no workflow behind them: the officers only
 * read them; what they claim and complete are real cases the bench opens through the API. Deterministic.
 */
export const LOAD_OFFICES = ['XWPX', 'JCJY', 'MBJY', 'ZCFG', 'XQJY'];
export const OFFICERS_PER_OFFICE = 10;
const OFFICES = `(ARRAY['${LOAD_OFFICES.join("','")}'])`;
const INSTITUTIONS = 2_000;
const CASES = 10_000;
const OPEN_KINDS = `(VALUES (0,'investigate','INVESTIGATION','officer'), (1,'approve-determination','APPROVAL','approver'),
  (2,'review-objection','OBJECTION_REVIEW','officer'), (3,'verify-rectification','RECTIFICATION_REVIEW','officer'),
  (4,'schedule-interview','REMINDER_INTERVIEW','officer')) AS k(n, kind, stage, role)`;

/**
 * `$1` is one password hash for every seeded account (hashing 75 passwords one by one would dominate the set-up),
 * `$2` one sealed TOTP secret for every staff account: each signs in once, and a code is spent per account.
 */
export const loadSeedSql = (): string[] => [
  `INSERT INTO users (username, password_hash, role, display_name, office_code, totp_secret_enc, totp_enabled_at)
   SELECT 'load-officer-' || o.code || '-' || g, $1, 'officer', '压测经办' || g, o.code, $2, now()
     FROM unnest(${OFFICES}) o(code) CROSS JOIN generate_series(1, ${OFFICERS_PER_OFFICE}) g
   UNION ALL
   SELECT 'load-approver-' || o.code, $1, 'approver', '压测审核', o.code, $2, now() FROM unnest(${OFFICES}) o(code)`,
  `INSERT INTO institutions (id, uscc, name, type, legal_rep_name, legal_rep_id_enc, legal_rep_id_hmac, office_code)
   SELECT md5('ld-inst' || g)::uuid, 'LD' || lpad(g::text, 16, '0'), '压测培训学校' || g, 'off_campus_training', '测试', 'x',
          md5('ld' || g), ${OFFICES}[1 + g % 5]
     FROM generate_series(1, ${INSTITUTIONS}) g`,
  `INSERT INTO cases (case_no, institution_id, uscc, behaviour_code, catalogue_version, policy_version, facts, source, severity,
                      stage, office_code, registered_by, registered_at, closed_at, outcome)
   SELECT 'LD-' || lpad(g::text, 6, '0'), md5('ld-inst' || i)::uuid, 'LD' || lpad(i::text, 16, '0'),
          'EDU-' || lpad((1 + g % 20)::text, 3, '0'), 1, 1, '压测案件 ' || g, 'inspection',
          (ARRAY['minor','general','general','general','serious'])[1 + (g / 10) % 5],
          CASE WHEN g % 10 < 4 THEN 'CLOSED' WHEN g % 10 < 6 THEN 'PUBLICITY' ELSE k.stage END,
          ${OFFICES}[1 + i % 5], (SELECT id FROM users WHERE username = 'load-officer-' || ${OFFICES}[1 + i % 5] || '-1'),
          now() - make_interval(days => g % 400), CASE WHEN g % 10 < 4 THEN now() - make_interval(days => g % 200) END,
          CASE WHEN g % 10 < 4 THEN 'PUBLICATION_ENDED' END
     FROM generate_series(1, ${CASES}) g
    CROSS JOIN LATERAL (SELECT 1 + (hashint4(g) & 2147483647) % ${INSTITUTIONS} AS i) x
     JOIN ${OPEN_KINDS} ON k.n = (hashint4(g * 3 + 1) & 2147483647) % 5`,
  `INSERT INTO tasks (case_no, kind, stage, status, candidate_role, candidate_office, assignee_id, due_date, priority,
                      created_at, completed_at, outcome, idempotency_key)
   SELECT c.case_no, 'investigate', 'INVESTIGATION', 'completed', 'officer', c.office_code, c.registered_by,
          (c.registered_at + make_interval(days => 10 * s))::date, 50, c.registered_at + make_interval(days => 5 * s),
          c.registered_at + make_interval(days => 5 * s + 1), '{"summary":"压测"}'::jsonb, c.case_no || ':task:' || s
     FROM cases c CROSS JOIN generate_series(1, 3) s WHERE c.case_no LIKE 'LD-%'`,
  `INSERT INTO tasks (case_no, kind, stage, status, candidate_role, candidate_office, assignee_id, due_date, follow_up_date,
                      priority, overdue, created_at, claimed_at, idempotency_key)
   SELECT c.case_no, k.kind, c.stage, CASE WHEN h.claimed THEN 'claimed' ELSE 'open' END, k.role, c.office_code,
          CASE WHEN h.claimed THEN (SELECT id FROM users WHERE username = 'load-officer-' || c.office_code || '-' || (1 + h.r % ${OFFICERS_PER_OFFICE})) END,
          h.due, h.due - 1, CASE c.severity WHEN 'minor' THEN 25 WHEN 'general' THEN 50 ELSE 75 END, h.due < current_date,
          now() - interval '12 days', CASE WHEN h.claimed THEN now() END, c.case_no || ':task:open'
     FROM cases c
     JOIN ${OPEN_KINDS} ON k.stage = c.stage
    CROSS JOIN LATERAL (SELECT (hashint4(substr(c.case_no, 4)::int * 5 + 2) & 2147483647) AS r) hr
    CROSS JOIN LATERAL (SELECT hr.r % 100 < 30 AND k.role = 'officer' AS claimed, current_date - 10 + ((hr.r / 100) % 31)::int AS due, hr.r / 3100 AS r) h
    WHERE c.case_no LIKE 'LD-%' AND c.stage NOT IN ('CLOSED', 'PUBLICITY')`,
  `VACUUM ANALYZE users`,
  `VACUUM ANALYZE institutions`,
  `VACUUM ANALYZE cases`,
  `VACUUM ANALYZE tasks`,
];

const USCC_CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

/** The n-th valid USCC of the bench's portal institutions (the API checks the GB 32100-2015 check character). */
export function portalUscc(n: number): string {
  const body = `52320700MJ${String(7_100_000 + n).padStart(7, '0')}`;
  const sum = [...body].reduce((s, c, i) => s + USCC_CHARS.indexOf(c) * USCC_WEIGHTS[i], 0);
  return body + USCC_CHARS[(31 - (sum % 31)) % 31];
}
