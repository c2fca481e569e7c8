import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { Role } from '../auth/role';
import { notFound } from '../common/errors/domain.exception';
import { render } from './templates';
import { NotificationErrorCode } from './notification.errors';

export interface NewNotification {
  /** One user… */
  recipientUserId?: string;
  /** …or every institution account of this USCC (users.uscc)… */
  uscc?: string;
  /** …or every active user of this office with `role` (default officer), or of `role` alone, bureau-wide. */
  officeCode?: string;
  role?: Role;
  template: string;
  data: Record<string, unknown>;
  /** Same key → the same message per recipient, however often the caller retries. */
  idempotencyKey: string;
}

export interface InboxItem {
  id: string;
  template: string;
  title: string;
  body: string;
  data: Record<string, unknown>;
  createdAt: string;
  readAt: string | null;
}

/**
 * Inbox messages and their SMS/e-mail copies. `notify` only inserts rows (inside the caller's transaction when
 * given one); sending happens later on the notifications queue, so a slow SMS gateway never holds up a case.
 */
@Injectable()
export class NotificationsService {
  private readonly logger = new Logger(NotificationsService.name);

  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  async notify(m: EntityManager | null, n: NewNotification): Promise<{ created: number }> {
    // a bad template or missing data is the caller's bug: say so loudly, before anything is written
    const { title, body } = render(n.template, n.data);
    const [where, params] = recipients(n);
    const sql = `
      INSERT INTO notifications (recipient_user_id, uscc, template, title, body, data, idempotency_key)
      SELECT u.id, $1::varchar, $2, $3, $4, $5, $6 FROM users u WHERE u.active AND ${where}
      ON CONFLICT (idempotency_key, recipient_user_id) DO NOTHING RETURNING id`;
    const args = [n.uscc ?? null, n.template, title, body, n.data, n.idempotencyKey, ...params];
    if (m?.queryRunner?.isTransactionActive) {
      // a savepoint keeps a failed insert from aborting the caller's transaction: the case goes on without the message
      await m.query('SAVEPOINT notify');
      try {
        const rows = await m.query(sql, args);
        await m.query('RELEASE SAVEPOINT notify');
        return { created: rows.length };
      } catch (err) {
        await m.query('ROLLBACK TO SAVEPOINT notify');
        this.logger.error({ err: (err as Error).message, key: n.idempotencyKey }, 'notification not written');
        return { created: 0 };
      }
    }
    try {
      return { created: (await (m ?? this.ds).query(sql, args)).length };
    } catch (err) {
      this.logger.error({ err: (err as Error).message, key: n.idempotencyKey }, 'notification not written');
      return { created: 0 };
    }
  }

  async inbox(userId: string, q: { unread?: boolean; limit?: number; before?: string }): Promise<{ items: InboxItem[]; unread: number }> {
    const limit = Math.min(Math.max(q.limit ?? 20, 1), 100);
    const items = await this.ds.query(
      `SELECT id, template, title, body, data, created_at AS "createdAt", read_at AS "readAt" FROM notifications
        WHERE recipient_user_id = $1 AND ($2::boolean IS NOT TRUE OR read_at IS NULL)
          AND ($3::timestamptz IS NULL OR created_at < $3) ORDER BY created_at DESC, id LIMIT $4`,
      [userId, q.unread ?? null, q.before ?? null, limit],
    );
    const [{ unread }] = await this.ds.query(
      `SELECT count(*)::int AS unread FROM notifications WHERE recipient_user_id = $1 AND read_at IS NULL`, [userId]);
    return { items, unread };
  }

  /** Marking twice keeps the first time; someone else's message answers 404, as if it did not exist. */
  async markRead(userId: string, id: string): Promise<InboxItem> {
    const [rows] = await this.ds.query(
      `UPDATE notifications SET read_at = COALESCE(read_at, now()) WHERE id = $1 AND recipient_user_id = $2
       RETURNING id, template, title, body, data, created_at AS "createdAt", read_at AS "readAt"`,
      [id, userId],
    );
    if (!rows.length) throw notFound(NotificationErrorCode.NOTIFICATION_NOT_FOUND, '消息不存在');
    return rows[0];
  }
}

function recipients(n: NewNotification): [string, unknown[]] {
  if (n.recipientUserId) return ['u.id = $7', [n.recipientUserId]];
  if (n.uscc) return [`u.role = 'institution' AND u.uscc = $1::varchar`, []];
  if (n.officeCode) return [`u.office_code = $7 AND u.role = $8`, [n.officeCode, n.role ?? 'officer']];
  // a bureau-wide role (the legal reviewer, the head: their tasks belong to no office) is told wherever they sit
  if (n.role) return [`u.role = $7`, [n.role]];
  throw new Error('notify needs recipientUserId, uscc or officeCode');
}
