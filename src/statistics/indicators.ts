import { countBy, DAY, type Indicator } from './indicator-sql';
import { SUPERVISION_INDICATORS } from './supervision-indicators';

export type { Indicator } from './indicator-sql';

const SEVERITIES: [string, string][] = [['minor', '轻微'], ['general', '一般'], ['serious', '严重']];

const event = (type: string, where = 'true') => countBy('case_events', DAY('occurred_at'), `type = '${type}' AND ${where}`);

// a subject is new in the bucket holding its first determination ever; standing on the bucket's last day while a
// determined case of it has not closed (closing ends publication: period over, repaired or withdrawn)
const newSubjects = (severity?: string) => `
  SELECT b.i, count(f.uscc)::float AS value FROM b LEFT JOIN (
    SELECT uscc, min(decision_date) AS first FROM cases WHERE decision_date IS NOT NULL ${severity ? `AND severity = '${severity}'` : ''} GROUP BY uscc) f
    ON f.first BETWEEN b.d_from AND b.d_to GROUP BY b.i`;
const standingSubjects = (severity?: string) => `
  SELECT b.i, count(DISTINCT c.uscc)::float AS value FROM b LEFT JOIN cases c
    ON c.decision_date <= b.d_to AND (c.closed_at IS NULL OR ${DAY('c.closed_at')} > b.d_to) ${severity ? `AND c.severity = '${severity}'` : ''}
  GROUP BY b.i`;

// a list entry took effect on the day its 列入决定书 was served (LISTED carries it as listedOn; the case records LISTED
// only then); a subject listed twice in one period counts once
const listedSubjects = `
  SELECT b.i, count(DISTINCT l.uscc)::float AS value FROM b LEFT JOIN (
    SELECT c.uscc, COALESCE((e.payload->>'listedOn')::date, ${DAY('e.occurred_at')}) AS day
      FROM case_events e JOIN cases c ON c.case_no = e.case_no WHERE e.type = 'LISTED') l
    ON l.day BETWEEN b.d_from AND b.d_to GROUP BY b.i`;
// a case's joint sanction is on file only when the approver confirmed a measure (CaseLifecycleService.confirmSanction);
// a ban registered on its own is a joint_sanction record too, without a case's measures
const CONFIRMED_SANCTION = `kind = 'joint_sanction' AND case_no IS NOT NULL AND jsonb_typeof(payload->'measures') = 'array'
  AND jsonb_array_length(payload->'measures') > 0`;

const REPAIR_ROUTES: [string, string][] = [
  ['commitment', '签署信用修复承诺书'], ['training', '参加信用修复培训'], ['credit-report', '提交信用报告'], ['public-welfare', '参加公益服务'],
];

// repair of records outside a case (a 双公示 penalty, issue #19): record_repairs, by the day each step happened
const RECORD_REPAIR_ROUTES: [string, string][] = [['portal', '机构门户'], ['counter', '窗口受理'], ['creditchina', '信用中国推送']];
const avgDays = (day: string, from: string, where: string) =>
  `SELECT b.i, round(avg(x.days)::numeric, 1)::float AS value FROM b LEFT JOIN (
     SELECT ${day} AS day, (${day} - ${from}) AS days FROM record_repairs WHERE ${where}) x
     ON x.day BETWEEN b.d_from AND b.d_to GROUP BY b.i`;
const RECORD_REPAIRS: Indicator[] = [
  ...RECORD_REPAIR_ROUTES.map(([r, name]): Indicator => ({ key: `recordRepairsApplied_${r}`, group: '信用修复（行政处罚等）', label: `修复申请：${name}`,
    unit: 'count', sql: countBy('record_repairs', 'received_on', `route = '${r}'`),
    definition: `本期收到的、经“${name}”提交的行政处罚等信息的信用修复申请件数（以收到日期计）。` })),
  ...([['granted', '准予修复'], ['refused', '不予修复'], ['not_accepted', '不予受理'], ['referred', '转认定部门办理']] as const).map(([s, name]): Indicator => ({
    key: `recordRepairs_${s}`, group: '信用修复（行政处罚等）', label: name, unit: 'count', sql: countBy('record_repairs', 'decided_on', `status = '${s}'`),
    definition: `本期${name}的行政处罚等信息修复申请件数（以作出${s === 'referred' ? '转办' : '决定'}的日期计）。` })),
  { key: 'recordRepairsAcceptDays', group: '信用修复（行政处罚等）', label: '平均受理天数', unit: 'days',
    sql: avgDays('accepted_on', 'received_on', `accepted_on IS NOT NULL`),
    definition: '本期受理（或不予受理）的申请，从收到申请到受理的平均自然日数，保留一位小数；本期无受理时为“—”。' },
  { key: 'recordRepairsDecideDays', group: '信用修复（行政处罚等）', label: '平均决定天数', unit: 'days',
    sql: avgDays('decided_on', 'accepted_on', `status IN ('granted','refused')`),
    definition: '本期作出准予或不予修复决定的申请，从受理到决定的平均自然日数，保留一位小数；本期无决定时为“—”。' },
];

export const INDICATORS: Indicator[] = [
  { key: 'subjectsNew', group: '失信主体', label: '新增失信主体', unit: 'count', sql: newSubjects(),
    definition: '本期首次被认定失信行为的机构数（以认定日期计，同一机构只在第一次认定的期间计一次）。' },
  ...SEVERITIES.map(([s, name]): Indicator => ({ key: `subjectsNew_${s}`, group: '失信主体', label: `新增失信主体（${name}）`, unit: 'count',
    sql: newSubjects(s), definition: `本期首次被认定为${name}失信行为的机构数。` })),
  { key: 'subjectsStanding', group: '失信主体', label: '期末失信主体', unit: 'count', sql: standingSubjects(),
    definition: '期末最后一天仍有已认定、尚未办结（公示期未满、未修复、未撤销）案件的机构数。' },
  ...SEVERITIES.map(([s, name]): Indicator => ({ key: `subjectsStanding_${s}`, group: '失信主体', label: `期末失信主体（${name}）`, unit: 'count',
    sql: standingSubjects(s), definition: `期末仍有${name}失信行为案件在公示中的机构数。` })),
  { key: 'determinations', group: '认定', label: '失信行为认定', unit: 'count', sql: countBy('cases', 'decision_date', 'decision_date IS NOT NULL'),
    definition: '认定日期在本期的案件数（异议期满或异议处理后作出认定的日期）。' },
  { key: 'objectionsReceived', group: '异议', label: '收到异议', unit: 'count', sql: event('OBJECTION_RECEIVED'),
    definition: '本期机构在告知后提出的异议件数（案件记录“收到异议”）。' },
  { key: 'objectionsUpheld', group: '异议', label: '异议成立', unit: 'count', sql: event('OBJECTION_UPHELD'),
    definition: '本期作出“异议成立”决定的件数。' },
  { key: 'objectionsCorrected', group: '异议', label: '更正案件', unit: 'count', sql: event('CASE_CORRECTED'),
    definition: '本期因异议或复核更正认定内容（如失信程度）的案件数。' },
  { key: 'objectionsWithdrawn', group: '异议', label: '撤销案件', unit: 'count', sql: event('WITHDRAWN'),
    definition: '本期撤销的案件数（含异议成立后撤销）。' },
  { key: 'interviewsReminder', group: '约谈', label: '提示性约谈', unit: 'count',
    sql: countBy('interviews', DAY('held_at'), `kind = 'reminder' AND held_at IS NOT NULL`), definition: '本期实际进行的提示性约谈次数（以约谈记录的时间计）。' },
  { key: 'interviewsWarning', group: '约谈', label: '警示性约谈', unit: 'count',
    sql: countBy('interviews', DAY('held_at'), `kind = 'warning' AND held_at IS NOT NULL`), definition: '本期实际进行的警示性约谈次数。' },
  { key: 'listedSubjects', group: '联合惩戒', label: '列入严重失信主体名单', unit: 'count', sql: listedSubjects,
    definition: '本期列入严重失信主体名单并已生效的机构数（以列入决定书送达之日计；局负责人已决定但尚未送达的不计）。' },
  { key: 'jointSanctions', group: '联合惩戒', label: '实施联合惩戒', unit: 'count', sql: countBy('credit_records', 'decision_date', CONFIRMED_SANCTION),
    definition: '本期审核人确认实施至少一项联合惩戒措施的案件数（以确认日期计；提请后决定不实施的不计）。' },
  { key: 'sanctionRecords', group: '联合惩戒', label: '联合惩戒措施记录', unit: 'count',
    sql: countBy('credit_records', 'decision_date', `kind = 'joint_sanction'`), definition: '本期记入信用档案的联合惩戒措施条数（以决定日期计）。' },
  { key: 'bansNew', group: '从业禁止', label: '新增从业禁止', unit: 'count', sql: countBy('industry_bans', 'from_date'),
    definition: '禁止期自本期开始的从业禁止人数（人次）。' },
  { key: 'repairsApplied', group: '信用修复', label: '申请信用修复', unit: 'count',
    sql: countBy('case_submissions', DAY('submitted_at'), `kind = 'repair'`), definition: '本期机构提交的信用修复申请件数。' },
  ...REPAIR_ROUTES.map(([r, name]): Indicator => ({ key: `repairsRoute_${r}`, group: '信用修复', label: `修复途径：${name}`, unit: 'count',
    sql: countBy('case_submissions', DAY('submitted_at'), `kind = 'repair' AND '${r}' = ANY(routes)`),
    definition: `本期申请中选择“${name}”的件数（一件申请可选多种途径）。` })),
  { key: 'repairsGranted', group: '信用修复', label: '准予修复', unit: 'count', sql: event('CLOSED_REPAIRED'),
    definition: '本期准予信用修复、案件办结的件数。' },
  { key: 'repairsRefused', group: '信用修复', label: '不予修复', unit: 'count', sql: event('REPAIR_REFUSED'), definition: '本期决定不予信用修复的件数。' },
  { key: 'repairsAverageDays', group: '信用修复', label: '修复平均办理天数', unit: 'days', definition:
    '本期作出修复决定（准予或不予）的申请，从申请提交到决定的平均自然日数，保留一位小数；本期无决定时为“—”。',
    sql: `SELECT b.i, round(avg(x.days)::numeric, 1)::float AS value FROM b LEFT JOIN (
            SELECT ${DAY('e.occurred_at')} AS day, ${DAY('e.occurred_at')} - (SELECT ${DAY('max(s.submitted_at)')} FROM case_submissions s
              WHERE s.case_no = e.case_no AND s.kind = 'repair' AND s.submitted_at <= e.occurred_at) AS days
              FROM case_events e WHERE e.type IN ('CLOSED_REPAIRED', 'REPAIR_REFUSED')) x
            ON x.day BETWEEN b.d_from AND b.d_to AND x.days IS NOT NULL GROUP BY b.i` },
  ...RECORD_REPAIRS,
  { key: 'publicityLicences', group: '双公示', label: '行政许可信息', unit: 'count', sql: countBy('publicity_decisions', 'decision_date', `kind = 'licence'`),
    definition: '决定日期在本期的行政许可决定数（无论是否已公示）。' },
  { key: 'publicityPenalties', group: '双公示', label: '行政处罚信息', unit: 'count', sql: countBy('publicity_decisions', 'decision_date', `kind = 'penalty'`),
    definition: '决定日期在本期的行政处罚决定数。' },
  { key: 'publicityOnTime', group: '双公示', label: '7个工作日内公示率', unit: 'share', definition:
    '本期作出的许可和处罚决定中，在决定后 7 个工作日内（公示期限日）公示的比例：分母为已公示或公示期限已过的决定，尚未到期的不计入；分母为 0 时为“—”。',
    sql: `SELECT b.i, CASE WHEN count(p.id) = 0 THEN NULL
                 ELSE round(100.0 * count(p.id) FILTER (WHERE p.published_on <= p.due_date) / count(p.id), 1)::float END AS value
            FROM b LEFT JOIN publicity_decisions p ON p.decision_date BETWEEN b.d_from AND b.d_to
             AND (p.published_on IS NOT NULL OR p.due_date < (now() AT TIME ZONE 'Asia/Shanghai')::date)
           GROUP BY b.i` },
  ...SUPERVISION_INDICATORS,
];
