import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DataSource, DataSourceOptions } from 'typeorm';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver';
import { writesFirst } from '../common/db/write-lane';
import { dataSourceOptions } from './data-source';

@Module({
  imports: [TypeOrmModule.forRootAsync({
    useFactory: () => ({ ...dataSourceOptions(), autoLoadEntities: true }),
    // the pool serves a person's writes before waiting reads (src/common/db/write-lane.ts)
    dataSourceFactory: async (options) => {
      const ds = await new DataSource(options as DataSourceOptions).initialize();
      writesFirst((ds.driver as PostgresDriver).master);
      return ds;
    },
  })],
})
export class DatabaseModule {}
