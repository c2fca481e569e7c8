import { Module } from '@nestjs/common';
import { AuditModule } from './audit/audit.module';
import { AuthModule } from './auth/auth.module';
import { CalendarModule } from './calendar/calendar.module';
import { CasesModule } from './cases/cases.module';
import { CatalogueModule } from './catalogue/catalogue.module';
import { CryptoModule } from './common/crypto/crypto.module';
import { LoggingModule } from './common/logging/logging.module';
import { AppConfigModule } from './config/config.module';
import { DatabaseModule } from './database/database.module';
import { OutboxModule } from './platform/outbox.module';
import { HealthModule } from './health/health.module';
import { InstitutionsModule } from './institutions/institutions.module';
import { PoliciesModule } from './policies/policies.module';
import { RedisModule } from './redis/redis.module';
import { TasksModule } from './tasks/tasks.module';
import { TemporalModule } from './temporal/temporal.module';

/** The API process: HTTP, the Temporal client, queue producers. */
@Module({
  imports: [
    AppConfigModule,
    LoggingModule,
    DatabaseModule,
    OutboxModule,
    RedisModule,
    TemporalModule,
    CryptoModule,
    AuditModule,
    AuthModule,
    HealthModule,
    InstitutionsModule,
    CatalogueModule,
    CalendarModule,
    PoliciesModule,
    CasesModule,
    TasksModule,
  ],
})
export class AppModule {}
