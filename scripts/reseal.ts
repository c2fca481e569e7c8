import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { FieldCryptoService } from '../src/common/crypto/field-crypto.service';
import { REPOSITORY_DATA_KEY, validateEnv } from '../src/config/env.schema';
import { dataSourceOptions } from '../src/database/data-source';

/**
 * Re-seals personal data under the first key of DATA_ENCRYPTION_KEYS after a rotation (docs/identity.md):
 * every `*_enc` column and every sealed value inside a jsonb document (`idEnc`, `…IdEnc`, `idNumberSealed`) is
 * decrypted with whichever configured key sealed it and encrypted again with the current one, and the blind index
 * beside it (`*_hmac`, `…IdHmac`, `idNumberIndex`, review_matters.person_hmacs) is recomputed under that key.
 *
 * Idempotent and resumable: a row already under the current key with a current index is left alone, each batch is
 * one transaction, and an update applies only if the row still holds what was read, so running it again after a
 * crash (or with the API up) finishes the job. Columns are found in the schema, not listed here, so a new sealed
 * column is covered without touching this file (test/e2e/reseal.e2e-spec.ts checks that none is missed).
 *
 * Append-only evidence (credit records and credit reviews, hash-chained or trigger-protected) is never rewritten:
 * their sealed values stay under the key that sealed them, which must stay configured (decrypt-only) to show them
 * masked. The report counts them per key.
 *
 *   node dist/scripts/reseal.js [--dry-run] [--batch 500] [--from-repository-key]
 * `--from-repository-key` (development only) also decrypts with the key once published in the repository, moving
 * what an older `npm run up` sealed with it to this installation's key.
 */
export const APPEND_ONLY = ['credit_records', 'credit_reviews', 'audit_log'];
/** jsonb documents are read only when they hold a sealed value: a cheap text test in the scan. */
const SEALED_KEY = `"(idEnc|[A-Za-z]*IdEnc|idNumberSealed)"`;

type Json = unknown;
interface Target { table: string; pk: string; pkType: string; column: string; hmac?: string; kind: 'plain' | 'document' }
export interface ResealReport {
  targets: { target: string; scanned: number; resealed: number }[];
  appendOnly: Record<string, number>;
  failures: string[];
}

const isSealedKey = (k: string) => k === 'idEnc' || k.endsWith('IdEnc') || k === 'idNumberSealed';
const indexKeyOf = (k: string) => (k === 'idNumberSealed' ? 'idNumberIndex' : k.replace(/Enc$/, 'Hmac'));

/** Every sealed place in the current schema, append-only tables left out. */
export async function resealTargets(ds: DataSource): Promise<Target[]> {
  const columns: { table: string; column: string; type: string }[] = await ds.query(
    `SELECT c.table_name AS "table", c.column_name AS "column", c.data_type AS type FROM information_schema.columns c
       JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name AND t.table_type = 'BASE TABLE'
      WHERE c.table_schema = current_schema() AND (c.column_name LIKE '%\\_enc' OR c.data_type = 'jsonb') AND c.table_name <> ALL($1)
      ORDER BY 1, 2`, [APPEND_ONLY]);
  const names = new Set(columns.map((c) => `${c.table}.${c.column}`));
  const hmacColumns: { table: string; column: string }[] = await ds.query(
    `SELECT table_name AS "table", column_name AS "column" FROM information_schema.columns
      WHERE table_schema = current_schema() AND column_name LIKE '%\\_hmac'`);
  for (const h of hmacColumns) names.add(`${h.table}.${h.column}`);
  const targets: Target[] = [];
  for (const c of columns) {
    const keys = await ds.query(
      `SELECT a.attname AS name, format_type(a.atttypid, a.atttypmod) AS type FROM pg_index i
         JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = ANY(i.indkey)
        WHERE i.indrelid = to_regclass($1) AND i.indisprimary`, [c.table]);
    if (keys.length !== 1) throw new Error(`${c.table} has no single-column primary key: reseal cannot page through it`);
    const [pk] = keys;
    const hmac = c.column.replace(/_enc$/, '_hmac');
    targets.push({ table: c.table, pk: pk.name, pkType: pk.type, column: c.column, kind: c.type === 'jsonb' ? 'document' : 'plain',
      hmac: c.type !== 'jsonb' && names.has(`${c.table}.${hmac}`) ? hmac : undefined });
  }
  return targets;
}

/** The document with every sealed value under the current key and every index beside it recomputed. */
function resealDocument(value: Json, crypto: FieldCryptoService, failures: string[], where: string): Json {
  if (Array.isArray(value)) return value.map((v, i) => resealDocument(v, crypto, failures, `${where}[${i}]`));
  if (!value || typeof value !== 'object') return value;
  const out: Record<string, Json> = { ...(value as Record<string, Json>) };
  for (const [key, v] of Object.entries(out)) {
    if (isSealedKey(key) && typeof v === 'string') {
      const plain = open(v, crypto, failures, `${where}.${key}`);
      if (plain === null) continue;
      if (crypto.needsRotation(v)) out[key] = crypto.encrypt(plain);
      if (indexKeyOf(key) in out) out[indexKeyOf(key)] = crypto.blindIndex(plain);
    } else if (v && typeof v === 'object') out[key] = resealDocument(v, crypto, failures, `${where}.${key}`);
  }
  return out;
}

function open(sealed: string, crypto: FieldCryptoService, failures: string[], where: string): string | null {
  try {
    return crypto.decrypt(sealed);
  } catch (err) {
    failures.push(`${where}: ${(err as Error).message}`); // a key not configured, or a damaged value: left as it is
    return null;
  }
}

/** Columns derived from a document: kept in step with the indexes the document now holds. */
const DERIVED: Record<string, (row: Record<string, Json>) => Record<string, Json>> = {
  'review_matters.persons': (row) => ({ person_hmacs: (row.persons as { idHmac?: string }[]).map((p) => p.idHmac).filter(Boolean) }),
};

async function resealTarget(ds: DataSource, crypto: FieldCryptoService, t: Target, batch: number, dryRun: boolean, failures: string[]) {
  const name = `${t.table}.${t.column}`;
  const filter = t.kind === 'document' ? `${t.column}::text ~ '${SEALED_KEY}'` : `${t.column} IS NOT NULL`;
  let last: unknown = null;
  let scanned = 0;
  let resealed = 0;
  for (;;) {
    const rows: Record<string, Json>[] = await ds.query(
      `SELECT ${t.pk} AS pk, ${t.column}${t.hmac ? `, ${t.hmac}` : ''} FROM ${t.table}
        WHERE ($1::${t.pkType} IS NULL OR ${t.pk} > $1::${t.pkType}) AND ${filter} ORDER BY ${t.pk} LIMIT ${batch}`, [last]);
    if (!rows.length) break;
    last = rows[rows.length - 1].pk;
    scanned += rows.length;
    const updates = rows.map((row) => ({ row, set: resealedRow(t, row, crypto, failures) })).filter((u) => u.set);
    resealed += updates.length;
    if (dryRun || !updates.length) continue;
    await ds.transaction(async (m) => {
      for (const { row, set } of updates) {
        const cols = Object.keys(set!);
        const assignments = cols.map((c, i) => `${c} = $${i + 3}${t.kind === 'document' && c === t.column ? '::jsonb' : ''}`);
        const values = cols.map((c) => (t.kind === 'document' && c === t.column ? JSON.stringify(set![c]) : set![c]));
        const same = t.kind === 'document' ? `${t.column} = $2::jsonb` : `${t.column} = $2`;
        await m.query(`UPDATE ${t.table} SET ${assignments.join(', ')} WHERE ${t.pk} = $1 AND ${same}`,
          [row.pk, t.kind === 'document' ? JSON.stringify(row[t.column]) : row[t.column], ...values]);
      }
    });
  }
  return { target: name, scanned, resealed };
}

/** The columns to write for one row, or null when it is already under the current key with a current index. */
function resealedRow(t: Target, row: Record<string, Json>, crypto: FieldCryptoService, failures: string[]): Record<string, Json> | null {
  const where = `${t.table}[${String(row.pk)}].${t.column}`;
  if (t.kind === 'document') {
    const before = JSON.stringify(row[t.column]);
    const after = resealDocument(row[t.column], crypto, failures, where);
    if (JSON.stringify(after) === before) return null;
    const derived = DERIVED[`${t.table}.${t.column}`]?.({ ...row, [t.column]: after }) ?? {};
    return { [t.column]: after, ...derived };
  }
  const sealed = row[t.column] as string;
  const plain = open(sealed, crypto, failures, where);
  if (plain === null) return null;
  const set: Record<string, Json> = {};
  if (crypto.needsRotation(sealed)) set[t.column] = crypto.encrypt(plain);
  if (t.hmac && row[t.hmac] !== crypto.blindIndex(plain)) set[t.hmac] = crypto.blindIndex(plain);
  return Object.keys(set).length ? set : null;
}

/** Sealed values in append-only evidence, counted per key: the keys that must stay configured to read them. */
async function appendOnlyKeys(ds: DataSource): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  const rows: { v: string }[] = await ds.query(
    `SELECT m[2] AS v FROM credit_records r, regexp_matches(r.payload::text, '${SEALED_KEY}: "([A-Za-z0-9_-]+):', 'g') AS m`);
  for (const { v } of rows) counts[v] = (counts[v] ?? 0) + 1;
  return counts;
}

export async function reseal(ds: DataSource, crypto: FieldCryptoService, opts: { batch?: number; dryRun?: boolean } = {}): Promise<ResealReport> {
  const failures: string[] = [];
  const targets = [];
  for (const t of await resealTargets(ds)) targets.push(await resealTarget(ds, crypto, t, opts.batch ?? 500, !!opts.dryRun, failures));
  return { targets, appendOnly: await appendOnlyKeys(ds), failures };
}

/** The configured keys, plus (development only) the key once published in the repository, to decrypt with. */
export function keyListFor(configured: string, fromRepositoryKey: boolean, nodeEnv: string): string {
  if (!fromRepositoryKey) return configured;
  if (nodeEnv === 'production') throw new Error('--from-repository-key is for development data only');
  const ids = configured.split(',').map((p) => p.split(':')[0]);
  return `${configured},${ids.includes('k1') ? 'repository' : 'k1'}:${REPOSITORY_DATA_KEY}`;
}

async function main(): Promise<number> {
  const args = process.argv.slice(2);
  const env = validateEnv(process.env);
  if (!env.DATA_ENCRYPTION_KEYS) throw new Error('DATA_ENCRYPTION_KEYS is not set');
  const crypto = FieldCryptoService.fromKeyList(keyListFor(env.DATA_ENCRYPTION_KEYS, args.includes('--from-repository-key'), env.NODE_ENV));
  const batchAt = args.indexOf('--batch');
  const ds = await new DataSource(dataSourceOptions(env)).initialize();
  try {
    const report = await reseal(ds, crypto, { dryRun: args.includes('--dry-run'), batch: batchAt >= 0 ? Number(args[batchAt + 1]) : undefined });
    for (const t of report.targets) if (t.scanned) console.log(`${t.target}: ${t.scanned} sealed, ${t.resealed} ${args.includes('--dry-run') ? 'to re-seal' : 're-sealed'}`);
    const kept = Object.entries(report.appendOnly).filter(([id]) => id !== crypto.currentKeyId);
    for (const [id, n] of kept) console.log(`credit_records (append-only evidence): ${n} values stay sealed with ${id}; keep that key configured`);
    for (const f of report.failures) console.error(`not re-sealed: ${f}`);
    console.log(`re-seal under ${crypto.currentKeyId}: ${report.targets.reduce((s, t) => s + t.resealed, 0)} rows, ${report.failures.length} failures`);
    return report.failures.length ? 1 : 0;
  } finally {
    await ds.destroy();
  }
}

if (require.main === module) {
  main().then((code) => process.exit(code), (err) => {
    console.error(err);
    process.exit(2);
  });
}
