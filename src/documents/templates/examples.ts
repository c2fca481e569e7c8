import type { DocumentKind } from '../document-kinds';

/**
 * One filled example of each kind's step data, as the case workflow's activities will pass it (docs/documents.md
 * lists the fields): what the tests render and read back, and what bench/documents.bench.ts times.
 */
export const EXAMPLE_DATA: Record<DocumentKind, Record<string, unknown>> = {
  'notice-of-determination': { measures: ['记入信用档案并依法公示', '列为重点监管对象，提高抽查比例'], objectionDays: 5 },
  'objection-result': { objectionReceivedOn: '2026-10-12', outcome: 'rejected', reasons: '所附材料不能证明已取得办学许可证。' },
  'record-objection-result': { receivedOn: '2026-10-13', recordTitle: '行政处罚决定（连区教罚决〔2026〕2号）', outcome: 'rejected', reasons: '处罚决定书已依法送达，所称未收到不属实。' },
  'determination-decision': { measures: ['记入信用档案并依法公示', '列为重点监管对象，提高抽查比例'],
    rectificationRequirements: '立即停止无证办学行为，妥善处理学员退费。', noticeDocNo: '连区教信告〔2026〕1号' },
  'repair-notice': {},
  'rectification-order': { requirements: '立即停止招生，向审批机关申请办学许可。', round: 1 },
  'interview-notice': { interviewKind: 'warning', scheduledAt: '2026-10-20T09:30:00+08:00', place: '连云区教育局305会议室' },
  'interview-record': { interviewKind: 'warning', heldAt: '2026-10-20T09:30:00+08:00', place: '连云区教育局305会议室',
    interviewers: ['王经办', '李科长'], attendees: ['陈明'], minutes: '告知其整改不到位的事实和后果，听取其情况说明。', outcome: '该机构承诺10个工作日内完成整改。' },
  'sanction-letter': { department: '连云港市连云区市场监督管理局', decisionDocNo: '连区教信决〔2026〕3号',
    measures: ['依法限制其参与政府采购活动'], copyTo: '连云港市公共信用信息共享平台' },
  'sanction-lifting-letter': { department: '连云港市连云区市场监督管理局', originalLetterNo: '连区教惩函〔2026〕1号', reason: 'repair', liftedOn: '2027-10-20' },
  'repair-decision': { approved: false, applicationReceivedOn: '2027-10-15', reasons: '尚未完成整改，学员退费未处理完毕。' },
  'service-receipt': { servedDocument: '失信行为认定决定书（连区教信决〔2026〕3号）', method: '直接送达', servedOn: '2026-10-10',
    servers: ['王经办', '赵执法'], place: '连云港市海州区朝阳路18号' },
  'penalty-notice': { personName: '孙某某', facts: '在未取得办学许可的场所组织学科类培训，经责令停止后继续开展。', periodYears: 5,
    legalBasis: '《校外培训行政处罚暂行办法》第五条、第十七条' },
  'hearing-notice': { personName: '孙某某', hearingAt: '2026-10-21T09:30:00+08:00', place: '连云区教育局三楼听证室', chair: '周主持', requestedOn: '2026-10-10' },
  'hearing-record': { personName: '孙某某', heardAt: '2026-10-21T09:30:00+08:00', place: '连云区教育局三楼听证室', chair: '周主持',
    investigators: ['王经办', '赵执法'], record: '当事人陈述已停止培训，请求从轻处罚；执法人员出示现场检查笔录。' },
  'penalty-decision': { personName: '孙某某', facts: '在未取得办学许可的场所组织学科类培训，经责令停止后继续开展。', periodYears: 5,
    legalBasis: '《校外培训行政处罚暂行办法》第五条、第十七条', fromDate: '2026-10-30', untilDate: '2031-10-29', noticeDocNo: '连区教罚告〔2026〕1号',
    hearing: '你于2026年10月10日要求听证，本局于2026年10月21日举行了听证。' },
  'record-repair-decision': { approved: true, applicationReceivedOn: '2027-02-01', recordTitle: '行政处罚决定（连区教罚〔2026〕5号）', effectiveOn: '2027-02-10' },
  'record-repair-not-accepted': { applicationReceivedOn: '2027-02-01', recordTitle: '行政处罚决定（连区教罚〔2026〕5号）',
    routeLabel: '窗口受理', reasons: '所附材料未能证明罚款已缴纳，且未签署信用修复承诺书。' },
  'repair-referral-letter': { department: '连云港市市场监督管理局', applicationReceivedOn: '2027-02-01',
    recordTitle: '行政处罚决定（连市监罚〔2026〕12号）', routeLabel: '“信用中国”网站（经市公共信用信息共享平台推送）' },
  'listing-notice': { statementDays: 5, decisionDocNo: '连区教信决〔2026〕3号', basis: '《校外培训行政处罚暂行办法》（教育部令第53号）' },
  'listing-decision': { noticeDocNo: '连区教名告〔2026〕1号', basis: '《校外培训行政处罚暂行办法》（教育部令第53号）', listUntil: '2029-10-09',
    statement: '你单位在规定期限内未提出陈述、申辩' },
};
