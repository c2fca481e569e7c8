import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../src/database/data-source';

/** Runs pending migrations; exits non-zero on failure so the run and test commands stop there. */
async function main(): Promise<void> {
  const ds = await new DataSource(dataSourceOptions()).initialize();
  try {
    const ran = await ds.runMigrations();
    console.log(`migrations: ${ran.length} applied${ran.length ? ` (${ran.map((m) => m.name).join(', ')})` : ''}`);
  } finally {
    await ds.destroy();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
