import { Module } from '@nestjs/common';
import { AccountabilityModule } from './accountability/accountability.module';
import { AuditModule } from './audit/audit.module';
import { AuthModule } from './auth/auth.module';
import { CasesModule } from './cases/cases.module';
import { CatalogueModule } from './catalogue/catalogue.module';
import { CommitmentsModule } from './commitments/commitments.module';
import { CreditReviewModule } from './credit-review/credit-review.module';
import { LoggingModule } from './common/logging/logging.module';
import { EarlyWarningModule } from './early-warning/early-warning.module';
import { PlatformModule } from './platform/platform.module';
import { HealthModule } from './health/health.module';
import { InspectionsModule } from './inspections/inspections.module';
import { InstitutionsModule } from './institutions/institutions.module';
import { MeasuresModule } from './measures/measures.module';
import { IndustryBansModule } from './industry-bans/industry-bans.module';
import { ObjectionsModule } from './objections/objections.module';
import { RemediesModule } from './remedies/remedies.module';
import { PortalModule } from './portal/portal.module';
import { PublicModule } from './public/public.module';
import { PublicityModule } from './publicity/publicity.module';
import { SubjectsModule } from './subjects/subjects.module';
import { RedisModule } from './redis/redis.module';
import { ReportsModule } from './reports/reports.module';
import { DirectoryModule } from './directory/directory.module';
import { DocumentsModule } from './documents/documents.module';
import { IntegrityEducationModule } from './integrity-education/integrity-education.module';
import { TasksModule } from './tasks/tasks.module';
import { TemporalModule } from './temporal/temporal.module';
import { OpsModule } from './ops/ops.module';
import { BureauModule } from './bureau/bureau.module';
import { StatisticsModule } from './statistics/statistics.module';
import { SubmissionsModule } from './submissions/submissions.module';
import { RecordRepairsModule } from './record-repairs/record-repairs.module';
import { CASE_WORK_MODULES, FOUNDATION_MODULES } from './shared.modules';

/** The API process: the shared module set (shared.modules.ts) with HTTP, the Temporal client and queue producers. */
@Module({
  imports: [
    ...FOUNDATION_MODULES,
    ...CASE_WORK_MODULES,
    LoggingModule,
    RedisModule,
    TemporalModule,
    PlatformModule.forApi(),
    AuditModule,
    AuthModule,
    HealthModule,
    InstitutionsModule,
    CatalogueModule,
    CasesModule,
    TasksModule,
    ReportsModule,
    DirectoryModule,
    IntegrityEducationModule,
    PortalModule,
    // issue #5: credit file and supervision
    PublicityModule, PublicModule, CommitmentsModule, InspectionsModule, CreditReviewModule, MeasuresModule, IndustryBansModule, SubjectsModule,
    EarlyWarningModule, AccountabilityModule, ObjectionsModule,
    RemediesModule, // issue #16: 行政复议/行政诉讼 against decisions
    DocumentsModule, // issue #15: documents and their service
    OpsModule, // issue #21: /metrics listener, alerts
    BureauModule, StatisticsModule, SubmissionsModule, // issue #22: the console's names, statistics, submission receipts
    RecordRepairsModule, // issue #19: repair of 双公示 penalties, referrals, 信用中国 intake
  ],
})
export class AppModule {}
