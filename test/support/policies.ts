import type { DataSource } from 'typeorm';

/**
 * Test-only: makes the active policy with `changes` applied the active version, without the API's validation, and
 * returns a function that makes the previous version active again. For suites that compress time — a repair right
 * after the determination — with publicity periods that 国家发展改革委令第36号 forbids and the API refuses
 * (src/policies/policy-validation.ts). Versions are never edited: this adds one, as publishing does.
 */
export async function activateTestPolicy(ds: DataSource, changes: Record<string, unknown>, note: string): Promise<() => Promise<void>> {
  const previous = await ds.transaction(async (m) => {
    const [active] = await m.query(`SELECT version, document FROM policies WHERE active FOR UPDATE`);
    const [{ next }] = await m.query(`SELECT max(version) + 1 AS next FROM policies`);
    await m.query(`UPDATE policies SET active = false WHERE active`);
    await m.query(`INSERT INTO policies (version, document, active, note) VALUES ($1, $2, true, $3)`,
      [next, { ...active.document, ...changes }, `测试专用（不经校验）：${note}`]);
    return active.version as number;
  });
  return () => ds.transaction(async (m) => {
    await m.query(`UPDATE policies SET active = false WHERE active`);
    await m.query(`UPDATE policies SET active = true WHERE version = $1`, [previous]);
  });
}
