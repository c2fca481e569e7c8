import type { INestApplicationContext } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { Job } from 'bullmq';
import { LoggingChannel, NOTIFICATION_CHANNELS } from '../../src/notifications/notification-channels';
import { NotificationDispatcher } from '../../src/notifications/notification-dispatcher';
import { NotificationsService } from '../../src/notifications/notifications.service';
import { TemplateError } from '../../src/notifications/templates';
import { createTestApp, TestApp } from '../support/app';
import { createUser, makeUscc } from '../support/factories';
import { relayContext, waitFor } from '../support/platform';

/** Inbox messages for institutions and officers, their SMS/e-mail copies, and the admin-only queue dashboard. */
describe('notifications and the queue dashboard', () => {
  let t: TestApp;
  let worker: INestApplicationContext;
  let notifications: NotificationsService;

  beforeAll(async () => {
    t = await createTestApp();
    worker = await relayContext(); // the notification dispatcher runs in the worker process
    notifications = t.app.get(NotificationsService);
  });

  afterAll(async () => {
    await worker?.close();
    await t?.close();
  });

  const auth = (token: string) => ({ Authorization: `Bearer ${token}` });
  const deadline = (uscc: string, key: string) => ({
    uscc, template: 'deadline_new', idempotencyKey: key,
    data: { institutionName: '海州区启明星培训学校', caseNo: 'LY-2026-000123', item: '提交整改报告', dueDate: '2026-04-30' },
  });

  it('gives every account of the institution one inbox message per key and sends its SMS and e-mail copies', async () => {
    const uscc = makeUscc();
    const a = await t.loginAs('institution', { uscc });
    const b = await t.loginAs('institution', { uscc });
    const other = await t.loginAs('institution', { uscc: makeUscc() });
    const key = `deadline:${randomUUID()}`;

    expect(await notifications.notify(null, deadline(uscc, key))).toEqual({ created: 2 });
    expect(await notifications.notify(null, deadline(uscc, key))).toEqual({ created: 0 }); // a retried activity

    const inbox = await t.http().get('/api/inbox').set(auth(a.token)).expect(200);
    expect(inbox.body.unread).toBe(1);
    expect(inbox.body.items).toEqual([expect.objectContaining({
      template: 'deadline_new', title: '新的办理期限', readAt: null,
      body: '海州区启明星培训学校：案件 LY-2026-000123 有新的待办事项「提交整改报告」，请于 2026-04-30 前通过信用监管系统办理。',
    })]);
    const id = inbox.body.items[0].id;
    await t.http().post(`/api/inbox/${id}/read`).set(auth(other.token)).expect(404); // not yours: as if it did not exist
    const read = await t.http().post(`/api/inbox/${id}/read`).set(auth(a.token)).expect(200);
    expect(read.body.readAt).toEqual(expect.any(String));
    expect((await t.http().get('/api/inbox').query({ unread: true }).set(auth(a.token)).expect(200)).body.items).toEqual([]);
    expect((await t.http().get('/api/inbox').set(auth(b.token)).expect(200)).body.unread).toBe(1);
    expect((await t.http().get('/api/inbox').set(auth(other.token)).expect(200)).body.items).toEqual([]);

    const channels = worker.get<LoggingChannel[]>(NOTIFICATION_CHANNELS);
    await waitFor('the SMS and e-mail copies', async () => {
      const [{ n }] = await t.ds.query(
        `SELECT count(*)::int AS n FROM notifications WHERE idempotency_key = $1 AND dispatch_status = 'sent'`, [key]);
      return n === 2;
    });
    for (const c of channels) {
      expect(c.sent.filter((m) => [a.user.username, b.user.username].includes(m.username) && m.title === '新的办理期限')).toHaveLength(2);
    }
  });

  it('tells an officer of a new task, and writes nothing when the case transaction rolls back', async () => {
    const officer = await t.loginAs('officer', { officeCode: 'XWPX' });
    const task = { recipientUserId: officer.user.id, template: 'task_assigned', idempotencyKey: `task:${randomUUID()}`,
      data: { taskTitle: '审核失信认定', caseNo: 'LY-2026-000124', dueDate: '2026-05-08' } };
    await t.ds.transaction(async (m) => {
      await notifications.notify(m, task);
      throw new Error('rolled back');
    }).catch(() => undefined);
    expect((await t.http().get('/api/inbox').set(auth(officer.token)).expect(200)).body.items).toEqual([]);

    await t.ds.transaction((m) => notifications.notify(m, task));
    const inbox = await t.http().get('/api/inbox').set(auth(officer.token)).expect(200);
    expect(inbox.body.items.map((i: { body: string }) => i.body)).toEqual([
      '您有一项新的待办任务「审核失信认定」（案件 LY-2026-000124），办理期限 2026-05-08。',
    ]);
  });

  it('never breaks the caller\'s transaction, and refuses a template with missing data before writing', async () => {
    const uscc = makeUscc();
    await createUser(t.ds, 'institution', { uscc });
    await t.ds.transaction(async (m) => {
      // a bad recipient id fails inside a savepoint; the caller's next statement still runs
      expect(await notifications.notify(m, { ...deadline(uscc, `x:${randomUUID()}`), uscc: undefined, recipientUserId: 'not-a-uuid' }))
        .toEqual({ created: 0 });
      await m.query('SELECT 1');
    });
    await expect(notifications.notify(null, { uscc, template: 'case_outcome', data: { caseNo: 'LY-2026-1' }, idempotencyKey: 'k' }))
      .rejects.toBeInstanceOf(TemplateError);
  });

  it('sends a batch message by message: a gateway failure marks what went out, and the retry sends only the rest', async () => {
    const officer = await t.loginAs('officer', { officeCode: 'XWPX' });
    const keys = [1, 2, 3].map((n) => `batch:${n}:${randomUUID()}`);
    // queued an hour ahead, so the running dispatcher leaves these rows to this test
    await t.ds.transaction(async (m) => {
      for (const [n, key] of keys.entries()) {
        await notifications.notify(m, { recipientUserId: officer.user.id, template: 'task_assigned', idempotencyKey: key,
          data: { taskTitle: `核查整改情况 ${n + 1}`, caseNo: 'LY-2026-000125', dueDate: '2026-05-08' } });
      }
      await m.query(`UPDATE notifications SET queued_at = now() + interval '1 hour' WHERE idempotency_key = ANY($1)`, [keys]);
    });
    const rows: { id: string }[] = await t.ds.query(`SELECT id FROM notifications WHERE idempotency_key = ANY($1) ORDER BY created_at, id`, [keys]);
    const gateway = new LoggingChannel('sms');
    let calls = 0;
    const flaky = { name: 'sms' as const, send: async (msg: Parameters<LoggingChannel['send']>[0]) => {
      if (++calls === 2) throw new Error('短信网关暂时不可用');
      await gateway.send(msg);
    } };
    const dispatcher = new NotificationDispatcher(t.ds, null as never, [flaky]);
    const job = { data: { ids: rows.map((r) => r.id) } } as Job<{ ids: string[] }>;
    const status = async () => (await t.ds.query(
      `SELECT dispatch_status AS s FROM notifications WHERE idempotency_key = ANY($1) ORDER BY created_at, id`, [keys])).map((r: { s: string }) => r.s);

    await expect(dispatcher.send(job)).rejects.toThrow('短信网关暂时不可用');
    expect(await status()).toEqual(['sent', 'pending', 'pending']);
    expect(await dispatcher.send(job)).toBe('sent 2 of 3'); // the queue's retry of the same job
    expect(await status()).toEqual(['sent', 'sent', 'sent']);
    expect(gateway.sent.map((m) => m.notificationId)).toEqual(rows.map((r) => r.id)); // each once, in order
  });

  it('serves Bull Board to admins only, with the same JWT as the API', async () => {
    const admin = (await t.loginAs('admin')).token;
    const officer = (await t.loginAs('officer')).token;
    expect((await t.http().get('/api/admin/queues').expect(401)).body.code).toBe('UNAUTHENTICATED');
    await t.http().get('/api/admin/queues').set(auth('forged.token.value')).expect(401);
    expect((await t.http().get('/api/admin/queues/api/queues').set(auth(officer)).expect(403)).body.code).toBe('FORBIDDEN');

    const page = await t.http().get('/api/admin/queues/').set(auth(admin)).expect(200);
    expect(page.text).toContain('<base href="/api/admin/queues/"');
    const queues = await t.http().get('/api/admin/queues/api/queues').set(auth(admin)).expect(200);
    const names = queues.body.queues.map((q: { name: string }) => q.name);
    expect(names).toEqual(expect.arrayContaining(['platform-delivery-penalty', 'platform-inbound', 'notifications']));

    const session = await t.http().post('/api/admin/queue-session').set(auth(admin)).expect(200);
    const cookie = String(session.headers['set-cookie']).split(';')[0];
    expect(String(session.headers['set-cookie'])).toMatch(/HttpOnly; SameSite=Strict/i);
    await t.http().get('/api/admin/queues/api/queues').set('Cookie', cookie).expect(200);
    await t.http().post('/api/admin/queue-session').set(auth(officer)).expect(403);
  });
});
