import { DynamicModule, Global, Module } from '@nestjs/common';
import { validateEnv } from '../config/env.schema';
import { InboxController } from './inbox.controller';
import { LoggingChannel, NOTIFICATION_CHANNELS } from './notification-channels';
import { NotificationDispatcher } from './notification-dispatcher';
import { NotificationQueue } from './notification-queue';
import { NotificationsService } from './notifications.service';

/**
 * Inbox and SMS/e-mail notifications. Global so any domain can `notify` without importing it. The API imports
 * it as is; the worker imports `NotificationsModule.forWorker()`, which adds the dispatcher that sends the copies.
 */
@Global()
@Module({
  controllers: [InboxController],
  providers: [NotificationsService, NotificationQueue],
  exports: [NotificationsService, NotificationQueue],
})
export class NotificationsModule {
  static forWorker(): DynamicModule {
    return {
      module: NotificationsModule,
      global: true,
      providers: [
        NotificationDispatcher,
        {
          provide: NOTIFICATION_CHANNELS,
          // development ships only the logging adapter; a gateway adapter replaces it per channel in production
          useFactory: () => validateEnv(process.env).NOTIFICATION_CHANNELS.split(',').filter(Boolean)
            .map((c) => new LoggingChannel(c as 'sms' | 'email')),
        },
      ],
    };
  }
}
