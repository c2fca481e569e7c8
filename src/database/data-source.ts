import 'reflect-metadata';
import { DataSource, DataSourceOptions } from 'typeorm';
import { validateEnv } from '../config/env.schema';
import { MIGRATIONS } from './migrations';

/** Options shared by the Nest app, the worker, the CLI and the scripts: migrations only, never synchronize. */
export function dataSourceOptions(env = validateEnv(process.env)): DataSourceOptions {
  return {
    type: 'postgres',
    url: env.DATABASE_URL,
    schema: env.DATABASE_SCHEMA,
    migrations: MIGRATIONS,
    migrationsTableName: 'schema_migrations',
    migrationsTransactionMode: 'each',
    synchronize: false,
    extra: { max: 20, options: `-c search_path=${env.DATABASE_SCHEMA},public -c timezone=Asia/Shanghai` },
  };
}

/** Used by `typeorm migration:run -d dist/src/database/data-source.js`. */
export default new DataSource(dataSourceOptions());
