import { Module } from '@nestjs/common';
import { AccountabilityModule } from './accountability/accountability.module';
import { AuditModule } from './audit/audit.module';
import { AuthModule } from './auth/auth.module';
import { CalendarModule } from './calendar/calendar.module';
import { CasesModule } from './cases/cases.module';
import { CatalogueModule } from './catalogue/catalogue.module';
import { CommitmentsModule } from './commitments/commitments.module';
import { CryptoModule } from './common/crypto/crypto.module';
import { FourEyesModule } from './common/four-eyes/four-eyes.module';
import { CreditFileModule } from './credit-file/credit-file.module';
import { CreditReviewModule } from './credit-review/credit-review.module';
import { LoggingModule } from './common/logging/logging.module';
import { AppConfigModule } from './config/config.module';
import { DatabaseModule } from './database/database.module';
import { EarlyWarningModule } from './early-warning/early-warning.module';
import { EffectsModule } from './effects/effects.module';
import { RemediesModule } from './remedies/remedies.module';
import { OutboxModule } from './platform/outbox.module';
import { PlatformModule } from './platform/platform.module';
import { NotificationsModule } from './notifications/notifications.module';
import { HealthModule } from './health/health.module';
import { InspectionsModule } from './inspections/inspections.module';
import { InstitutionsModule } from './institutions/institutions.module';
import { MeasuresModule } from './measures/measures.module';
import { ObjectionsModule } from './objections/objections.module';
import { PoliciesModule } from './policies/policies.module';
import { PortalModule } from './portal/portal.module';
import { PublicModule } from './public/public.module';
import { PublicityModule } from './publicity/publicity.module';
import { RedisModule } from './redis/redis.module';
import { ReportsModule } from './reports/reports.module';
import { DirectoryModule } from './directory/directory.module';
import { DocumentsModule } from './documents/documents.module';
import { IntegrityEducationModule } from './integrity-education/integrity-education.module';
import { TasksModule } from './tasks/tasks.module';
import { TemporalModule } from './temporal/temporal.module';
import { OpsModule } from './ops/ops.module';

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
    FourEyesModule,
    AuditModule,
    AuthModule,
    HealthModule,
    InstitutionsModule,
    CatalogueModule,
    CalendarModule,
    PoliciesModule,
    EffectsModule,
    RemediesModule,
    CasesModule,
    TasksModule,
    ReportsModule,
    DirectoryModule,
    IntegrityEducationModule,
    PortalModule,
    NotificationsModule,
    PlatformModule.forApi(),
    // issue #5: credit file and supervision
    CreditFileModule, PublicityModule, PublicModule, CommitmentsModule, InspectionsModule, CreditReviewModule, MeasuresModule,
    EarlyWarningModule, AccountabilityModule, ObjectionsModule,
    DocumentsModule, // issue #15: documents and their service
    OpsModule, // issue #21: /metrics listener, alerts
  ],
})
export class AppModule {}
