import { BENCH_SCALE } from './support/scale';

/**
 * Set-based seed for the benchmarks: 100,000 institutions (× BENCH_SCALE), 1,000,000 credit records (ten per institution:
 * licences, penalties, determinations from the real catalogue, interviews, commitments, honours, inbound
 * reports, and a repair for every other institution), 100,000 commitments (most verified as kept), 3,000 industry
 * bans, one closed case per institution (5 % closed unrectified, half of those rectified since) and 1,000,000 双公示
 * decisions of which ~3 % are still pending. Hashes are placeholders: the benchmarks do not verify chains.
 */
export const INSTITUTIONS = 100_000 * BENCH_SCALE;

export const SEED_SQL: string[] = [
  `INSERT INTO institutions (id, uscc, name, type, legal_rep_name, legal_rep_id_enc, legal_rep_id_hmac, office_code)
   SELECT md5('inst' || g)::uuid, 'BENCH' || lpad(g::text, 13, '0'), '基准测试培训学校' || g, 'off_campus_training', '测试',
          'x', md5(g::text), (ARRAY['XWPX','JCJY','MBJY','ZCFG','XQJY'])[1 + g % 5]
     FROM generate_series(1, ${INSTITUTIONS}) g`,
  // seq 1–9: one kind each; dates spread over 2023–2026 so that some windows are open and some have ended
  `INSERT INTO credit_records (id, institution_id, uscc, seq, kind, title, decision_date, severity, publicity_from,
                               publicity_until, payload, source_ref, refers_to, office_code, created_at, behaviour_code,
                               catalogue_version, prev_hash, hash)
   SELECT md5('rec' || g || ':' || s)::uuid, md5('inst' || g)::uuid, 'BENCH' || lpad(g::text, 13, '0'), s, k.kind,
          k.kind || ' ' || g, d.day,
          CASE k.kind WHEN 'determination' THEN ci.severity WHEN 'penalty' THEN (CASE WHEN s = 6 THEN 'minor' ELSE 'general' END)
                      WHEN 'interview' THEN 'general' END,
          CASE WHEN k.kind IN ('inbound') THEN NULL ELSE d.day END,
          CASE WHEN k.kind IN ('inbound') THEN NULL
               ELSE d.day + CASE WHEN ci.severity = 'serious' AND k.kind = 'determination' THEN 1095 ELSE 365 END END,
          jsonb_build_object('n', g), 'bench:' || g || ':' || s, NULL,
          (ARRAY['XWPX','JCJY','MBJY','ZCFG','XQJY'])[1 + g % 5], now(),
          CASE WHEN k.kind = 'determination' THEN ci.code END, CASE WHEN k.kind = 'determination' THEN 1 END,
          repeat('0', 64), repeat('0', 64)
     FROM generate_series(1, ${INSTITUTIONS}) g
    CROSS JOIN generate_series(1, 9) s
     JOIN (VALUES (1,'licence'),(2,'penalty'),(3,'determination'),(4,'interview'),(5,'commitment'),(6,'penalty'),
                  (7,'honour'),(8,'licence'),(9,'inbound')) k(seq, kind) ON k.seq = s
     JOIN catalogue_items ci ON ci.version = 1 AND ci.code = 'EDU-' || lpad((1 + (g + s) % 20)::text, 3, '0')
    CROSS JOIN LATERAL (SELECT date '2023-06-01' + ((g * 7 + s * 131) % 1270) AS day) d`,
  // seq 10: a repair of the determination for even institutions, an honour for odd ones
  `INSERT INTO credit_records (id, institution_id, uscc, seq, kind, title, decision_date, publicity_from, publicity_until,
                               payload, source_ref, refers_to, office_code, created_at, prev_hash, hash)
   SELECT md5('rec' || g || ':10')::uuid, md5('inst' || g)::uuid, 'BENCH' || lpad(g::text, 13, '0'), 10,
          CASE WHEN g % 2 = 0 THEN 'repair' ELSE 'honour' END, 'seq10 ' || g, r.decision_date + 200,
          CASE WHEN g % 2 = 1 THEN r.decision_date END, CASE WHEN g % 2 = 1 THEN r.decision_date + 365 END,
          '{}'::jsonb, 'bench:' || g || ':10', CASE WHEN g % 2 = 0 THEN r.id END,
          r.office_code, now(), repeat('0', 64), repeat('0', 64)
     FROM generate_series(1, ${INSTITUTIONS}) g JOIN credit_records r ON r.id = md5('rec' || g || ':3')::uuid`,
  `INSERT INTO commitments (institution_id, uscc, purpose, content, signer_name, signed_on, due_date, record_id, status, broken_on)
   SELECT r.institution_id, r.uscc, 'annual', '年度信用承诺', '测试', r.decision_date, r.decision_date + 180, r.id,
          'active', NULL
     FROM credit_records r WHERE r.kind = 'commitment'`,
  `UPDATE commitments SET status = 'broken', broken_on = due_date - 30 WHERE (hashtext(id::text) % 10) = 0`,
  // grading rules (docs/credit-grading.md): most unbroken commitments verified as kept at their due date
  `UPDATE commitments SET verification = 'kept', verified_on = due_date, verified_at = due_date::timestamptz
    WHERE status = 'active' AND abs(hashtext(id::text)) % 10 < 7`,
  // industry bans: 2,000 on legal representatives, 1,000 imposed in connection with an institution, spread over 2023–2028
  `INSERT INTO industry_bans (person_name, person_id_enc, person_id_hmac, institution_id, uscc, from_date, until_date, reason)
   SELECT '测试', 'x', CASE WHEN g <= 2000 THEN md5((g * 37)::text) ELSE md5('teacher' || g) END,
          CASE WHEN g > 2000 THEN md5('inst' || (g * 53 % ${INSTITUTIONS} + 1))::uuid END,
          CASE WHEN g > 2000 THEN 'BENCH' || lpad((g * 53 % ${INSTITUTIONS} + 1)::text, 13, '0') END,
          date '2023-06-01' + (g % 1000), date '2023-06-01' + (g % 1000) + 1095, '基准测试'
     FROM generate_series(1, 3000) g`,
  // one closed case per institution: every 20th closed unrectified at the maximum period, half of those rectified since
  `INSERT INTO users (id, username, password_hash, role, display_name, office_code)
   VALUES (md5('bench-officer')::uuid, 'bench-officer', 'x', 'officer', '基准测试', 'XWPX')`,
  `INSERT INTO cases (case_no, institution_id, uscc, behaviour_code, catalogue_version, policy_version, facts, source, severity, stage,
                      office_code, registered_by, decision_date, closed_at, outcome)
   SELECT 'BENCH-' || g, md5('inst' || g)::uuid, 'BENCH' || lpad(g::text, 13, '0'), 'EDU-002', 1,
          (SELECT version FROM policies WHERE active), '基准测试', 'inspection', 'general', 'CLOSED', 'XWPX', md5('bench-officer')::uuid,
          date '2024-06-01' + (g % 300), (date '2025-06-01' + (g % 300))::timestamptz,
          CASE WHEN g % 20 = 0 THEN 'PUBLICATION_ENDED_UNRECTIFIED' ELSE 'PUBLICATION_ENDED' END
     FROM generate_series(1, ${INSTITUTIONS}) g`,
  `INSERT INTO case_events (case_no, type, occurred_at, idempotency_key)
   SELECT 'BENCH-' || g, 'RECTIFICATION_PASSED', (date '2025-09-01' + (g % 300))::timestamptz, 'bench:' || g || ':rectified'
     FROM generate_series(40, ${INSTITUTIONS}, 40) g`,
  // 1,000,000 双公示 decisions: every 33rd still pending; published ones sometimes after their due date
  `INSERT INTO publicity_decisions (kind, institution_id, uscc, office_code, document_no, decision_date, due_date, publicity_until,
                                   fields, status, published_on, record_id)
   SELECT CASE WHEN g % 2 = 0 THEN 'licence' ELSE 'penalty' END, md5('inst' || i)::uuid, 'BENCH' || lpad(i::text, 13, '0'),
          (ARRAY['XWPX','JCJY','MBJY','ZCFG','XQJY'])[1 + i % 5], 'BENCH-DOC-' || g, d, d + 9, d + 365, '{}'::jsonb,
          CASE WHEN g % 33 = 0 THEN 'pending' ELSE 'published' END,
          CASE WHEN g % 33 = 0 THEN NULL ELSE d + (g % 12) END,
          CASE WHEN g % 33 = 0 THEN NULL ELSE md5('rec' || i || ':1')::uuid END
     FROM generate_series(1, 1000000) g
    CROSS JOIN LATERAL (SELECT 1 + g % ${INSTITUTIONS} AS i, date '2024-01-01' + (g % 1060) AS d) x`,
  `VACUUM ANALYZE institutions`,
  `VACUUM ANALYZE credit_records`,
  `VACUUM ANALYZE commitments`,
  `VACUUM ANALYZE industry_bans`,
  `VACUUM ANALYZE cases`,
  `VACUUM ANALYZE case_events`,
  `VACUUM ANALYZE publicity_decisions`,
];
