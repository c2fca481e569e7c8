import { BENCH_SCALE } from './support/scale';

/**
 * Set-based seed for bench/worklist.bench.ts: 20,000 institutions, 100,000 cases, 1,000,000 tasks (each × BENCH_SCALE).
 *   - cases: 40 % closed, 20 % open but waiting on the institution or in publicity (no open task),
 *     40 % open with exactly one open task (40,000 open tasks); severity 20 % minor / 60 % general / 20 % serious
 *   - tasks: ten per case, every earlier one completed; open tasks are 65 % officer and 35 % approver work, in the
 *     case's office (1 % with no office: any office may take them), 30 % claimed by one of the office's
 *     ten officers or three approvers, due from 20 days ago to 25 days ahead, flagged overdue when past due
 * So one officer sees about 3,800 tasks (~160 of them claimed by that officer) — the worklist at its busiest. Everything is derived from generate_series numbers, so every run seeds the same data.
 */
export const WL_INSTITUTIONS = 20_000 * BENCH_SCALE;
export const WL_CASES = 100_000 * BENCH_SCALE;
export const WL_TASKS_PER_CASE = 10;
export const WL_OFFICES = ['XWPX', 'JCJY', 'MBJY', 'ZCFG', 'XQJY'];

const OFFICES = `(ARRAY['XWPX','JCJY','MBJY','ZCFG','XQJY'])`;
/** Task kinds with the stage they belong to and who works them. */
const KINDS = `(VALUES (0,'investigate','INVESTIGATION','officer'), (1,'approve-determination','APPROVAL','approver'),
  (2,'review-objection','OBJECTION_REVIEW','officer'), (3,'decide-objection','OBJECTION_REVIEW','approver'),
  (4,'verify-rectification','RECTIFICATION_REVIEW','officer'), (5,'schedule-interview','REMINDER_INTERVIEW','officer'),
  (6,'record-interview','WARNING_INTERVIEW','officer'), (7,'confirm-sanction','JOINT_SANCTION','approver'),
  (8,'accept-repair','REPAIR_REVIEW','officer'), (9,'investigate','INVESTIGATION','officer')) AS k(n, kind, stage, role)`;

export const WL_SEED_SQL: string[] = [
  `INSERT INTO users (id, username, password_hash, role, display_name, office_code)
   SELECT md5('wl-' || r.role || '-' || o.code || '-' || g)::uuid, 'wl-' || r.role || '-' || o.code || '-' || g, 'x', r.role,
          '基准' || r.role || g, o.code
     FROM unnest(${OFFICES}) o(code)
    CROSS JOIN (VALUES ('officer', 10), ('approver', 3)) r(role, n)
    CROSS JOIN LATERAL generate_series(1, r.n) g`,
  `INSERT INTO institutions (id, uscc, name, type, legal_rep_name, legal_rep_id_enc, legal_rep_id_hmac, office_code)
   SELECT md5('wl-inst' || g)::uuid, 'WL' || lpad(g::text, 16, '0'), '基准测试培训学校' || g, 'off_campus_training', '测试', 'x',
          md5(g::text), ${OFFICES}[1 + g % 5]
     FROM generate_series(1, ${WL_INSTITUTIONS}) g`,
  // hashint4 spreads institution, stage and claim independently of g % 10 (closed / waiting / open)
  `INSERT INTO cases (case_no, institution_id, uscc, behaviour_code, catalogue_version, policy_version, facts, source, severity,
                      stage, office_code, registered_by, registered_at, closed_at, outcome)
   SELECT 'WL-' || lpad(g::text, 7, '0'), md5('wl-inst' || i)::uuid, 'WL' || lpad(i::text, 16, '0'),
          'EDU-' || lpad((1 + g % 20)::text, 3, '0'), 1, 1, '基准测试案件 ' || g, 'inspection',
          CASE WHEN (g / 10) % 5 = 0 THEN 'minor' WHEN (g / 10) % 5 = 4 THEN 'serious' ELSE 'general' END,
          CASE WHEN g % 10 < 4 THEN 'CLOSED' WHEN g % 10 < 6 THEN 'PUBLICITY' ELSE k.stage END,
          ${OFFICES}[1 + i % 5], md5('wl-officer-' || ${OFFICES}[1 + i % 5] || '-1')::uuid,
          now() - make_interval(days => g % 700), CASE WHEN g % 10 < 4 THEN now() - make_interval(days => g % 300) END,
          CASE WHEN g % 10 < 4 THEN 'PUBLICATION_ENDED' END
     FROM generate_series(1, ${WL_CASES}) g
    CROSS JOIN LATERAL (SELECT 1 + (hashint4(g) & 2147483647) % ${WL_INSTITUTIONS} AS i) x
     JOIN ${KINDS} ON k.n = (hashint4(g * 3 + 1) & 2147483647) % 10`,
  // tasks 1..9 of every case, and task 10 of closed and waiting cases: completed history, by the office's people
  `INSERT INTO tasks (case_no, kind, stage, status, candidate_role, candidate_office, assignee_id, due_date, follow_up_date,
                      priority, overdue, created_at, claimed_at, completed_at, completed_by, outcome, idempotency_key)
   SELECT c.case_no, k.kind, k.stage, 'completed', k.role, c.office_code, a.id,
          current_date - (g % 700) - s, current_date - (g % 700) - s - 1, 50, (g + s) % 9 = 0,
          now() - make_interval(days => g % 700 + s + 5), now() - make_interval(days => g % 700 + s + 4),
          now() - make_interval(days => g % 700 + s + 1), a.id, '{"summary":"基准"}'::jsonb, c.case_no || ':task:' || s
     FROM generate_series(1, ${WL_CASES}) g
     JOIN cases c ON c.case_no = 'WL-' || lpad(g::text, 7, '0')
    CROSS JOIN generate_series(1, ${WL_TASKS_PER_CASE}) s
     JOIN ${KINDS} ON k.n = (g + s) % 10
    CROSS JOIN LATERAL (SELECT md5('wl-' || k.role || '-' || c.office_code || '-' || (1 + (g + s) % CASE k.role WHEN 'officer' THEN 10 ELSE 3 END))::uuid AS id) a
    WHERE s < ${WL_TASKS_PER_CASE} OR g % 10 < 6`,
  // task 10 of the 40,000 cases that wait on a person: open, or claimed (h.claimed) by one of the office's people
  `INSERT INTO tasks (case_no, kind, stage, status, candidate_role, candidate_office, assignee_id, due_date, follow_up_date,
                      priority, overdue, created_at, claimed_at, idempotency_key)
   SELECT c.case_no, k.kind, c.stage, CASE WHEN h.claimed THEN 'claimed' ELSE 'open' END, k.role,
          CASE WHEN h.no_office THEN NULL ELSE c.office_code END,
          CASE WHEN h.claimed THEN md5('wl-' || k.role || '-' || c.office_code || '-' || (1 + h.r % CASE k.role WHEN 'officer' THEN 10 ELSE 3 END))::uuid END,
          h.due, h.due - 1,
          CASE c.severity WHEN 'minor' THEN 25 WHEN 'general' THEN 50 ELSE 75 END, h.due < current_date,
          now() - make_interval(days => 35 - (h.due - current_date + 20)), CASE WHEN h.claimed THEN now() END,
          c.case_no || ':task:' || ${WL_TASKS_PER_CASE}
     FROM generate_series(1, ${WL_CASES}) g
     JOIN cases c ON c.case_no = 'WL-' || lpad(g::text, 7, '0')
    CROSS JOIN LATERAL (SELECT (hashint4(g * 5 + 2) & 2147483647) AS r) hr
    CROSS JOIN LATERAL (SELECT hr.r % 100 < 30 AS claimed, hr.r % 97 = 0 AS no_office,
                               current_date - 20 + ((hr.r / 100) % 46)::int AS due, hr.r / 4600 AS r) h
     JOIN ${KINDS} ON k.stage = c.stage AND k.n < 9 AND (c.stage <> 'OBJECTION_REVIEW' OR k.n = 2 + g % 2)
    WHERE g % 10 >= 6`,
  `VACUUM ANALYZE users`,
  `VACUUM ANALYZE institutions`,
  `VACUUM ANALYZE cases`,
  `VACUUM ANALYZE tasks`,
];
