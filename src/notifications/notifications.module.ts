import { Global, Module } from '@nestjs/common';
import { InboxController } from './inbox.controller';
import { NotificationQueue } from './notification-queue';
import { NotificationsService } from './notifications.service';

/**
 * Inbox and SMS/e-mail notifications. Global so any domain can `notify` without importing it. Every process has
 * it (src/shared.modules.ts); the worker and the relay add NotificationDeliveryModule, which sends the copies.
 */
@Global()
@Module({
  controllers: [InboxController],
  providers: [NotificationsService, NotificationQueue],
  exports: [NotificationsService, NotificationQueue],
})
export class NotificationsModule {}
