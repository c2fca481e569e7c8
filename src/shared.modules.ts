import { Module } from '@nestjs/common';
import { CalendarModule } from './calendar/calendar.module';
import { CaseDataModule } from './cases/case-data.module';
import { CryptoModule } from './common/crypto/crypto.module';
import { FourEyesModule } from './common/four-eyes/four-eyes.module';
import { AppConfigModule } from './config/config.module';
import { CreditFileModule } from './credit-file/credit-file.module';
import { DatabaseModule } from './database/database.module';
import { DocumentsCoreModule } from './documents/documents-core.module';
import { EffectsModule } from './effects/effects.module';
import { NotificationDeliveryModule } from './notifications/notification-delivery.module';
import { NotificationsModule } from './notifications/notifications.module';
import { OutboxModule } from './platform/outbox.module';
import { PlatformModule } from './platform/platform.module';
import { PoliciesModule } from './policies/policies.module';
import { RecordRepairsCoreModule } from './record-repairs/record-repairs.module';
import { CacheBusModule } from './redis/cache-bus';

/**
 * The one module set behind every process. The API (app.module.ts), the case worker (worker.module.ts), the relay
 * (platform/relay.main.ts), the tests and the benches each take these sets and add only what is theirs, so a
 * provider cannot be in one process's list and missing from another's.
 */

/**
 * What every process stands on: configuration, the database, field encryption, the outbox writers, notifications,
 * and the cache bus that tells the other processes when a cache of theirs went stale (src/redis/cache-bus.ts).
 */
export const FOUNDATION_MODULES = [AppConfigModule, DatabaseModule, CryptoModule, CacheBusModule, OutboxModule, NotificationsModule];

/**
 * The domains the case workflow's activities are built from; the API reads and starts cases through the same ones.
 * FourEyesModule with them: calendar and policy changes are proposals a second person approves (docs/four-eyes.md).
 * PoliciesModule brings PolicyResolver (从旧兼从轻) and EffectsModule the ending of credit measures with their lifting
 * letters (docs/effects.md): case activities in the worker need both, not only the API.
 */
export const CASE_WORK_MODULES = [
  CalendarModule, PoliciesModule, FourEyesModule, CreditFileModule, CaseDataModule, DocumentsCoreModule, EffectsModule,
];

/**
 * Queue consumers: notification copies sent, platform delivery and feed. The worker and the relay, never the API.
 * The feed files 信用中国's repair applications (RecordRepairsCoreModule; the API has it through RecordRepairsModule).
 */
export const CONSUMER_MODULES = [NotificationDeliveryModule, PlatformModule.forWorker(), RecordRepairsCoreModule];

/** The case activities' context and nothing more: what the workflow tests and the case benches build a worker from. */
@Module({ imports: [...FOUNDATION_MODULES, ...CASE_WORK_MODULES] })
export class CaseActivitiesModule {}
