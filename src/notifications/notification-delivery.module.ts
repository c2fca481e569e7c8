import { Module } from '@nestjs/common';
import { validateEnv } from '../config/env.schema';
import { LoggingChannel, NOTIFICATION_CHANNELS } from './notification-channels';
import { NotificationDispatcher } from './notification-dispatcher';

/** Worker and relay only: the consumer that sends the SMS/e-mail copies NotificationsService queued. */
@Module({
  providers: [
    NotificationDispatcher,
    {
      provide: NOTIFICATION_CHANNELS,
      // development ships only the logging adapter; a gateway adapter replaces it per channel in production
      useFactory: () => validateEnv(process.env).NOTIFICATION_CHANNELS.split(',').filter(Boolean)
        .map((c) => new LoggingChannel(c as 'sms' | 'email')),
    },
  ],
})
export class NotificationDeliveryModule {}
