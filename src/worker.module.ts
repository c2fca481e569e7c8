import { Module } from '@nestjs/common';
import { CalendarModule } from './calendar/calendar.module';
import { CaseRecordsModule } from './cases/case-records.module';
import { FourEyesModule } from './common/four-eyes/four-eyes.module';
import { AppConfigModule } from './config/config.module';
import { CreditFileModule } from './credit-file/credit-file.module';
import { DatabaseModule } from './database/database.module';
import { DocumentsCoreModule } from './documents/documents-core.module';
import { InstitutionsModule } from './institutions/institutions.module';
import { SupervisionWorkerModule } from './evaluation/supervision-worker.module';
import { OutboxModule } from './platform/outbox.module';
import { PlatformModule } from './platform/platform.module';
import { NotificationsModule } from './notifications/notifications.module';
import { PoliciesModule } from './policies/policies.module';
import { OpsWorkerModule } from './ops/ops-worker.module';

/** The worker process: the services that activities are built from. No HTTP. */
@Module({ imports: [AppConfigModule, DatabaseModule, OutboxModule, CalendarModule, PoliciesModule, CaseRecordsModule,
  NotificationsModule.forWorker(), PlatformModule.forWorker(), CreditFileModule, SupervisionWorkerModule,
  DocumentsCoreModule, FourEyesModule, OpsWorkerModule, InstitutionsModule.forWorker()] })
export class WorkerModule {}
