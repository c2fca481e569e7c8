import { countBy, DAY, shareBy, type Indicator } from './indicator-sql';

/**
 * Indicators of supervision beyond the cases (issue #22): measures in force and lifted, credit reviews and their
 * coverage, 双随机 inspections and the share with findings, integrity education per school (those with none included).
 */
export const SUPERVISION_INDICATORS: Indicator[] = [
  { key: 'sanctionMeasures', group: '联合惩戒', label: '实施联合惩戒措施', unit: 'count',
    sql: countBy('credit_effects', 'starts_on', `kind = 'joint-sanction-measure'`),
    definition: '本期开始实施的联合惩戒措施项数（一个案件的每项措施计一项，以措施开始日期计）。' },
  { key: 'measuresLifted', group: '联合惩戒', label: '解除信用惩戒措施', unit: 'count',
    sql: countBy('credit_effects', 'ended_on', `type = 'credit-measure' AND ended_on IS NOT NULL`),
    definition: '本期因信用修复、撤销、期满等解除的信用惩戒措施项数（公示、共享、联合惩戒措施、扣分、限制评优、名单等，以解除日期计）。' },
  { key: 'creditReviews', group: '信用审查', label: '信用审查次数', unit: 'count', sql: countBy('credit_reviews', DAY('reviewed_at')),
    definition: '本期在行政许可和评先评优中进行的信用审查次数（以审查时间计）。' },
  { key: 'creditReviewsBlocked', group: '信用审查', label: '审查不通过', unit: 'count',
    sql: countBy('credit_reviews', DAY('reviewed_at'), `outcome = 'block'`), definition: '本期信用审查结论为“不通过”的次数。' },
  { key: 'reviewMattersDecided', group: '信用审查', label: '办结许可及评优事项', unit: 'count',
    sql: countBy('review_matters', DAY('decided_at'), 'decided_at IS NOT NULL'),
    definition: '本期办结（批准或不予批准）的校外培训机构行政许可和评先评优事项数（以办结时间计）。' },
  { key: 'reviewCoverage', group: '信用审查', label: '信用审查覆盖率', unit: 'share',
    sql: shareBy('review_matters', DAY('decided_at'), 'decided_at IS NOT NULL', 'review_id IS NOT NULL'),
    definition: '本期办结的许可和评优事项中，办结时已有信用审查记录的比例（要求 100%）；本期无办结事项时为“—”。' },
  { key: 'inspections', group: '双随机抽查', label: '完成抽查', unit: 'count',
    sql: countBy('inspection_targets', DAY('recorded_at'), 'recorded_at IS NOT NULL'),
    definition: '本期登记检查结果的双随机抽查对象数（以登记结果的时间计）。' },
  { key: 'inspectionsWithFindings', group: '双随机抽查', label: '发现问题', unit: 'count',
    sql: countBy('inspection_targets', DAY('recorded_at'), `result = 'fail'`), definition: '本期抽查结果为“发现问题”（不合格）的对象数。' },
  { key: 'inspectionsFindingShare', group: '双随机抽查', label: '问题发现率', unit: 'share',
    sql: shareBy('inspection_targets', DAY('recorded_at'), 'recorded_at IS NOT NULL', `result = 'fail'`),
    definition: '本期完成抽查的对象中发现问题的比例；本期无抽查结果时为“—”。' },
  { key: 'integrityActivities', group: '诚信教育', label: '诚信教育活动', unit: 'count', sql: countBy('integrity_activities', 'activity_date'),
    definition: '活动日期在本期的诚信教育活动场次（主题班会、诚信考场等，各学校和机构登记）。' },
  { key: 'integritySchoolsActive', group: '诚信教育', label: '开展活动的学校', unit: 'count',
    sql: `SELECT b.i, count(DISTINCT a.institution_id)::float AS value FROM b
            LEFT JOIN integrity_activities a ON a.activity_date BETWEEN b.d_from AND b.d_to GROUP BY b.i`,
    definition: '本期至少开展一次诚信教育活动的学校和机构数。' },
  { key: 'integritySchoolsNone', group: '诚信教育', label: '未开展活动的学校', unit: 'count',
    sql: `SELECT b.i, count(i.id)::float AS value FROM b
            LEFT JOIN institutions i ON ${DAY('i.created_at')} <= b.d_to
             AND NOT EXISTS (SELECT 1 FROM integrity_activities a WHERE a.institution_id = i.id AND a.activity_date BETWEEN b.d_from AND b.d_to)
          GROUP BY b.i`,
    definition: '期末已在名录中、本期没有开展任何诚信教育活动的学校和机构数（每期逐校列于“诚信教育”报表）。' },
];
