import { Logger } from '@nestjs/common';

export interface OutgoingMessage {
  notificationId: string;
  userId: string;
  username: string;
  displayName: string;
  title: string;
  body: string;
}

/** An SMS or e-mail gateway. Production plugs in the bureau's gateway here; it must tolerate a repeated send. */
export interface NotificationChannel {
  readonly name: 'sms' | 'email';
  send(msg: OutgoingMessage): Promise<void>;
}

/** Development and tests: write what would have been sent to the log, one JSON line per message. */
export class LoggingChannel implements NotificationChannel {
  private readonly logger = new Logger('NotificationChannel');
  readonly sent: OutgoingMessage[] = [];

  constructor(readonly name: 'sms' | 'email') {}

  async send(msg: OutgoingMessage): Promise<void> {
    this.sent.push(msg);
    if (this.sent.length > 1000) this.sent.shift(); // a short memory for tests, not a store
    this.logger.log({ channel: this.name, to: msg.username, notificationId: msg.notificationId, title: msg.title, body: msg.body },
      `[${this.name}] ${msg.title}`);
  }
}

export const NOTIFICATION_CHANNELS = Symbol('NOTIFICATION_CHANNELS');
