import { Injectable, Logger, Optional } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { conflict } from '../common/errors/domain.exception';
import { beijingToday } from '../common/time/beijing';
import { CreditFileService } from '../credit-file/credit-file.service';
import { NotificationsService } from '../notifications/notifications.service';
import { PlatformClient, PlatformFeedItem } from './platform.client';
import { PlatformErrorCode } from './platform.errors';
import { CreditChinaIntake } from '../record-repairs/creditchina-intake';

const FEED = 'municipal';
const PAGE = 200;

type Outcome = 'created' | 'duplicate' | 'not_ours' | 'ack' | 'ack_duplicate' | 'ack_orphan';
export type PullResult = Record<Outcome, number> & { pages: number };

/** Records that should make an officer look twice in a credit review (信用审查). */
const WARN_TYPES = new Set(['penalty', 'determination', 'joint_sanction_notice']);
const WARN_SEVERITIES = new Set(['general', 'serious']);


/**
 * Pulls what other departments reported through the platform. Each page is one transaction together with the
 * cursor, and every item has a unique key (the department's own id), so a page read twice, a feed that
 * delivers an item twice, or a crash between page and cursor creates each record once.
 */
@Injectable()
export class InboundService {
  private readonly logger = new Logger(InboundService.name);

  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly client: PlatformClient,
    private readonly notifications: NotificationsService,
    // the credit file is its own domain; without it (an older build) the inbound ledger still keeps every record
    @Optional() private readonly creditFile?: CreditFileService,
    // repair applications forwarded from 信用中国 (issue #19); global in every process that pulls the feed
    @Optional() private readonly repairIntake?: CreditChinaIntake,
  ) {}

  async pull(maxPages = 50): Promise<PullResult> {
    if (!this.client.enabled) throw conflict(PlatformErrorCode.PLATFORM_NOT_CONFIGURED, '未配置市级信用平台地址（PLATFORM_URL），无法拉取报送数据');
    const result: PullResult = { pages: 0, created: 0, duplicate: 0, not_ours: 0, ack: 0, ack_duplicate: 0, ack_orphan: 0 };
    for (let i = 0; i < maxPages; i++) {
      const taken = await this.ds.transaction(async (m) => {
        await m.query(`INSERT INTO platform_feed_cursor (feed) VALUES ($1) ON CONFLICT DO NOTHING`, [FEED]);
        // the row lock makes concurrent pulls (two worker processes) take turns instead of racing
        const [{ after_seq }] = await m.query(`SELECT after_seq FROM platform_feed_cursor WHERE feed = $1 FOR UPDATE`, [FEED]);
        const page = await this.client.feed(Number(after_seq), PAGE);
        for (const item of page.items) result[await this.apply(m, item)]++;
        if (page.next !== null) {
          await m.query(`UPDATE platform_feed_cursor SET after_seq = $2, updated_at = now() WHERE feed = $1`, [FEED, page.next]);
        }
        return page.items.length;
      });
      if (taken) result.pages++;
      if (taken < PAGE) break;
    }
    return result;
  }

  private apply(m: EntityManager, item: PlatformFeedItem): Promise<Outcome> {
    if (item.kind === 'repair_application') {
      if (!this.repairIntake) throw new Error('a repair application arrived but this process has no RecordRepairsCoreModule');
      return this.repairIntake.take(m, item);
    }
    return item.kind === 'joint_sanction_ack' ? this.acknowledge(m, item) : this.record(m, item);
  }

  /** A member department signed for a joint-sanction notice: one case event per notice, however often it arrives. */
  private async acknowledge(m: EntityManager, item: PlatformFeedItem): Promise<Outcome> {
    const [exists] = await m.query(`SELECT 1 FROM cases WHERE case_no = $1`, [item.caseNo ?? '']);
    if (!exists) {
      this.logger.warn({ caseNo: item.caseNo, feedItem: item.id }, 'acknowledgement for an unknown case; ignored');
      return 'ack_orphan';
    }
    const rows = await m.query(
      `INSERT INTO case_events (case_no, type, reason, payload, idempotency_key)
       VALUES ($1, 'JOINT_SANCTION_ACK', $2, $3, $4) ON CONFLICT (idempotency_key) DO NOTHING RETURNING id`,
      [item.caseNo, `${item.department}已签收联合惩戒通知`,
        { department: item.department, feedItemId: item.id, noticeKey: item.refIdempotencyKey ?? null, ...item.payload },
        `joint-sanction-ack:${item.refIdempotencyKey ?? `${item.department}:${item.id}`}`],
    );
    return rows.length ? 'ack' : 'ack_duplicate';
  }

  private async record(m: EntityManager, item: PlatformFeedItem): Promise<Outcome> {
    const [inst] = item.uscc ? await m.query(`SELECT id, name, office_code FROM institutions WHERE uscc = $1`, [item.uscc]) : [];
    if (!inst) return 'not_ours'; // the feed is the whole city's; only the bureau's institutions concern us
    const sourceKey = `${item.department}:${item.id}`;
    const warning = WARN_TYPES.has(item.recordType ?? '') || WARN_SEVERITIES.has(item.severity ?? '');
    const rows = await m.query(
      `INSERT INTO inbound_records (source_key, department, institution_id, uscc, title, record_type, severity, decision_date,
                                    payload, warning)
       VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10) ON CONFLICT (source_key) DO NOTHING RETURNING id`,
      [sourceKey, item.department, inst.id, item.uscc, item.title, item.recordType ?? null, item.severity ?? null,
        item.decisionDate ?? null, item.payload ?? {}, warning],
    );
    if (!rows.length) return 'duplicate';
    await this.intoCreditFile(m, rows[0].id, sourceKey, item);
    if (warning && inst.office_code) {
      await this.notifications.notify(m, {
        officeCode: inst.office_code, role: 'officer', template: 'inbound_warning',
        data: { department: item.department, institutionName: inst.name, title: item.title },
        idempotencyKey: `inbound-warning:${sourceKey}`,
      });
    }
    return 'created';
  }

  /** In a savepoint: a record the credit file refuses stays in the inbound ledger (unlinked) and the feed moves on. */
  private async intoCreditFile(m: EntityManager, inboundId: string, sourceKey: string, item: PlatformFeedItem): Promise<void> {
    if (!this.creditFile) return;
    await m.query('SAVEPOINT credit_file');
    try {
      const rec = await this.creditFile.append({
        uscc: item.uscc!, kind: 'inbound', title: `${item.department}：${item.title}`,
        decisionDate: item.decisionDate ?? beijingToday(),
        severity: (['minor', 'general', 'serious'] as const).find((s) => s === item.severity) ?? null,
        payload: { department: item.department, sourceId: item.id, recordType: item.recordType ?? null, ...item.payload },
        sourceRef: `platform-feed:${sourceKey}`,
      }, m);
      await m.query(`UPDATE inbound_records SET credit_record_id = $2 WHERE id = $1`, [inboundId, rec.id]);
      await m.query('RELEASE SAVEPOINT credit_file');
    } catch (err) {
      await m.query('ROLLBACK TO SAVEPOINT credit_file');
      this.logger.error({ err: (err as Error).message, sourceKey }, 'inbound record kept in inbound_records but not in the credit file');
    }
  }
}
