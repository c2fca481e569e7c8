import { Module } from '@nestjs/common';
import { CalendarModule } from './calendar/calendar.module';
import { CaseDataModule } from './cases/case-data.module';
import { AppConfigModule } from './config/config.module';
import { CreditFileModule } from './credit-file/credit-file.module';
import { DatabaseModule } from './database/database.module';
import { DocumentsCoreModule } from './documents/documents-core.module';
import { SupervisionWorkerModule } from './evaluation/supervision-worker.module';
import { OutboxModule } from './platform/outbox.module';
import { PlatformModule } from './platform/platform.module';
import { NotificationsModule } from './notifications/notifications.module';
import { PoliciesModule } from './policies/policies.module';

/** The worker process: the services that activities are built from. No HTTP. */
@Module({ imports: [AppConfigModule, DatabaseModule, OutboxModule, CalendarModule, PoliciesModule, CaseDataModule,
  NotificationsModule.forWorker(), PlatformModule.forWorker(), CreditFileModule, SupervisionWorkerModule,
  DocumentsCoreModule] })
export class WorkerModule {}
