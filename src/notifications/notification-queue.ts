import { Injectable } from '@nestjs/common';
import { ProducerQueue } from '../redis/bull-queue';

export const NOTIFICATION_QUEUE = 'notifications';

/** The queue that carries SMS/e-mail copies, a batch of inbox rows per job; a row sent is marked, so another job skips it. */
@Injectable()
export class NotificationQueue extends ProducerQueue {
  constructor() {
    super(NOTIFICATION_QUEUE, 'notification-queue', {
      attempts: 8,
      backoff: { type: 'exponential', delay: 2000 },
      removeOnComplete: { age: 3600, count: 1000 },
      removeOnFail: true, // the row stays 'pending' and the dispatcher hands it over again later
    });
  }
}
