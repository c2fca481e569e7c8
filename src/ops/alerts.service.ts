import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { CalendarService } from '../calendar/calendar.service';
import { KIND_TRAITS, DOCUMENT_KINDS } from '../documents/document-kinds';
import { ServiceDeadlines } from '../documents/service/service-deadlines';
import { calendarAlerts, OpsAlert } from './alert-rules';
import { OpsClock } from './ops-clock';
import { ESCALATION_GRACE, TASK_DUE_INSTANT } from './ops-queries';

/** Decisions served on the institution: the kinds that decide something (verifiable) and go to the subject. */
export const DECISION_KINDS = DOCUMENT_KINDS.filter((k) => KIND_TRAITS[k].verifiable && KIND_TRAITS[k].toSubject);
const MAX_ITEMS = 20;
/** Relay failures within this window count as "the platform is failing now". */
const RELAY_WINDOW = `interval '15 minutes'`;
/** The nightly chain check is overdue if its last run is older than this. */
const CHECK_STALE_HOURS = 48;

const alert = (a: Omit<OpsAlert, 'items'> & { items?: string[] }): OpsAlert => ({ ...a, items: (a.items ?? []).slice(0, MAX_ITEMS) });

/** Everything an administrator should act on now, most severe first (GET /api/ops/alerts, the console's banner). */
@Injectable()
export class AlertsService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly calendar: CalendarService,
    private readonly serviceDeadlines: ServiceDeadlines,
    private readonly clock: OpsClock,
  ) {}

  async list(): Promise<OpsAlert[]> {
    const today = this.clock.today();
    const years = (await this.calendar.yearStatus()).map((y) => y.year);
    const groups = await Promise.all([
      Promise.resolve(calendarAlerts(today, years)), this.blocked(), this.outbox(), this.escalations(), this.platform(), this.chains(), this.unserved(today),
    ]);
    return groups.flat().sort((a, b) => (a.severity === b.severity ? 0 : a.severity === 'critical' ? -1 : 1));
  }

  private async blocked(): Promise<OpsAlert[]> {
    const rows: { case_no: string; blocked_reason: string }[] = await this.ds.query(
      `SELECT case_no, blocked_reason FROM cases WHERE closed_at IS NULL AND blocked_reason IS NOT NULL ORDER BY case_no`);
    if (!rows.length) return [];
    return [alert({
      code: 'CASES_BLOCKED', severity: 'critical', count: rows.length, items: rows.map((r) => `${r.case_no}：${r.blocked_reason}`),
      title: `${rows.length} 件案件受阻无法推进`, detail: '案件流程因所列原因停滞，期限与提醒不会继续。',
      action: '请按各案原因处置（如发布缺失的年度日历、修复数据），处置后由审核人或管理员在案件页点“恢复推进”；“受阻案件”列表列出全部。',
    })];
  }

  private async outbox(): Promise<OpsAlert[]> {
    const [row] = await this.ds.query(
      `SELECT (SELECT count(*) FROM platform_submissions WHERE status = 'pending' AND created_at < now() - interval '1 hour')::int AS platform,
              (SELECT count(*) FROM notifications WHERE dispatch_status = 'pending' AND created_at < now() - interval '1 hour')::int AS notices`);
    const out: OpsAlert[] = [];
    if (row.platform > 0) {
      out.push(alert({
        code: 'OUTBOX_BACKLOG', severity: 'warning', count: row.platform,
        title: `${row.platform} 条报送记录超过 1 小时未送达市平台`, detail: '双公示与联合惩戒信息未能按时报送。',
        action: '请在“平台报送”中查看失败原因：平台故障待其恢复后自动重试；字段错误请修正后重新报送；检查工作进程是否在运行。',
      }));
    }
    if (row.notices > 0) {
      out.push(alert({
        code: 'NOTIFICATION_BACKLOG', severity: 'warning', count: row.notices,
        title: `${row.notices} 条短信/邮件通知超过 1 小时未发出`, detail: '站内消息已送达，短信或邮件副本仍在排队。',
        action: '请检查工作进程与 Redis 是否正常，以及短信/邮件通道的配置。',
      }));
    }
    return out;
  }

  private async escalations(): Promise<OpsAlert[]> {
    const rows: { case_no: string }[] = await this.ds.query(
      `SELECT t.case_no FROM tasks t WHERE t.status IN ('open', 'claimed') AND NOT t.overdue
          AND ${TASK_DUE_INSTANT} < now() - ${ESCALATION_GRACE} ORDER BY t.due_date LIMIT 1000`);
    if (!rows.length) return [];
    return [alert({
      code: 'ESCALATIONS_LATE', severity: 'critical', count: rows.length, items: [...new Set(rows.map((r) => r.case_no))],
      title: `${rows.length} 项已超期的待办未按时督办`, detail: '办理期限已过 15 分钟以上，但系统尚未标记超期并通知审核人。',
      action: '请检查工作进程与 Temporal 服务是否运行（/api/health、Temporal 界面中的案件流程）；恢复后督办会自动补发。',
    })];
  }

  private async platform(): Promise<OpsAlert[]> {
    const rows: { record_type: string }[] = await this.ds.query(
      `SELECT record_type FROM platform_submissions
        WHERE status = 'pending' AND last_error IS NOT NULL AND last_attempt_at > now() - ${RELAY_WINDOW}
        ORDER BY last_attempt_at DESC LIMIT 1000`);
    if (!rows.length) return [];
    return [alert({
      code: 'PLATFORM_FAILING', severity: 'warning', count: rows.length, items: [...new Set(rows.map((r) => r.record_type))],
      title: `市信用平台最近 15 分钟报送失败 ${rows.length} 条`, detail: '报送在自动重试中，所列为失败的记录类型；原因见“平台报送”。',
      action: '请联系市信用平台确认其服务状态；记录不会丢失，平台恢复后自动补报，无需重复录入。',
    })];
  }

  private async chains(): Promise<OpsAlert[]> {
    const [run] = await this.ds.query(
      `SELECT failed, failures, finished_at < now() - make_interval(hours => $1) AS stale FROM ops_check_runs
        WHERE check_name = 'credit_chains' ORDER BY finished_at DESC LIMIT 1`, [CHECK_STALE_HOURS]);
    if (!run) return [];
    if (run.failed > 0) {
      const failures = run.failures as { uscc: string; firstBrokenSeq: number | null }[];
      return [alert({
        code: 'CREDIT_CHAIN_BROKEN', severity: 'critical', count: run.failed, items: failures.map((f) => `${f.uscc} #${f.firstBrokenSeq ?? '?'}`),
        title: `${run.failed} 个机构的信用档案校验未通过`, detail: '信用记录或其哈希链被改动，档案的完整性无法证明。',
        action: '请立即停止对所列机构档案的对外出具，保全数据库与审计日志，对照备份查明改动（docs/operations.md“信用档案完整性”）。',
      })];
    }
    if (run.stale) {
      return [alert({
        code: 'CREDIT_CHAIN_CHECK_STALE', severity: 'warning', count: 1,
        title: '信用档案夜间校验已超过 48 小时未运行', detail: '无法确认近期的档案完整性。',
        action: '请检查工作进程与 Redis（Bull Board 的 ops-checks 队列），或手工运行 scripts/verify-credit-chains.ts。',
      })];
    }
    return [];
  }

  /** Issued decisions with no service recorded after their serve-by date (行政处罚法 art. 61: 7 working days). */
  private async unserved(today: string): Promise<OpsAlert[]> {
    // 7 working days are at least 9 calendar days: only documents issued 7+ days ago can be late
    const docs: { doc_no: string; issued_on: string }[] = await this.ds.query(
      `SELECT d.doc_no, d.issued_on::text AS issued_on FROM documents d
        WHERE d.status = 'issued' AND d.to_subject AND d.kind = ANY($1) AND d.issued_on <= $2::date - 7
          AND NOT EXISTS (SELECT 1 FROM document_services s WHERE s.document_id = d.id)
        ORDER BY d.issued_on`, [DECISION_KINDS, today]);
    const serveBy = new Map<string, string | null>();
    const late: string[] = [];
    for (const d of docs) {
      if (!serveBy.has(d.issued_on)) {
        // a serve-by date in a year the calendar lacks cannot be known yet: the calendar alert covers that case
        serveBy.set(d.issued_on, await this.serviceDeadlines.serveBy(d.issued_on).catch(() => null));
      }
      const by = serveBy.get(d.issued_on);
      if (by && by < today) late.push(`${d.doc_no}（应于 ${by} 前送达）`);
    }
    if (!late.length) return [];
    return [alert({
      code: 'DECISION_NOT_SERVED', severity: 'warning', count: late.length, items: late,
      title: `${late.length} 份决定类文书超过送达期限仍未送达`, detail: '决定书须在作出后 7 个工作日内送达当事人（行政处罚法第六十一条）。',
      action: '请尽快以直接、邮寄、留置或公告方式送达，并在案件“文书”中登记送达回证。',
    })];
  }
}
