import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../../src/database/data-source';

let shared: DataSource | undefined;

/** A connection to the test database (scripts/test.sh created and migrated it). */
export async function testDataSource(): Promise<DataSource> {
  if (!shared) shared = await new DataSource(dataSourceOptions()).initialize();
  return shared;
}

export async function closeTestDataSource(): Promise<void> {
  await shared?.destroy();
  shared = undefined;
}
