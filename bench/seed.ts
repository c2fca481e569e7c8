/**
 * Set-based seed for the benchmarks: 100,000 institutions, 1,000,000 credit records (ten per institution:
 * licences, penalties, determinations from the real catalogue, interviews, commitments, honours, inbound
 * reports, and a repair for every other institution), 100,000 commitments and 1,000,000 双公示 decisions
 * of which ~3 % are still pending. Hashes are placeholders: the benchmarks do not verify chains.
 */
export const INSTITUTIONS = 100_000;

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
  `VACUUM ANALYZE publicity_decisions`,
];
