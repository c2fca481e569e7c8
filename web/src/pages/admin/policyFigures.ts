/** The policy figures an administrator edits, in words, and the label of any changed path (publicity tiers included). */
export const FIGURES: Record<string, string> = {
  investigationDays: '调查期限（工作日）', approvalDays: '审核期限（工作日）', objectionDays: '异议期（工作日）',
  objectionReviewDays: '异议处理（工作日）', publicationDays: '双公示期限（工作日）', rectificationCalendarDays: '整改期限（自然日）',
  reminderInterviewDays: '提示性约谈后期限（工作日）', warningInterviewDays: '警示性约谈后期限（工作日）',
  repairAcceptanceDays: '修复受理（工作日）', repairDecisionDays: '修复决定（工作日）', reminderBeforeDueDays: '到期前提醒（工作日）',
};
export const SEVERITY_LABELS: Record<string, string> = { minor: '轻微', general: '一般', serious: '严重' };

export const figureLabel = (path: string) => FIGURES[path]
  ?? path.replace(/^publicity\.(\w+)\.(min|max)Months$/, (_, s: string, m: string) => `${SEVERITY_LABELS[s] ?? s}失信${m === 'min' ? '最短' : '最长'}公示期（月）`);

export const shown = (v: unknown): string => (v === null || v === undefined ? '—' : typeof v === 'object' ? JSON.stringify(v) : String(v as string | number | boolean));

export interface FigureChange { key: string; label: string; before: unknown; after: unknown }

/** What a submitted form changes against the version in force: one row per figure whose value differs. */
export function policyDiff(keys: string[], current: Record<string, unknown>, values: Record<string, unknown>): FigureChange[] {
  return keys.filter((k) => values[k] !== undefined && values[k] !== current[k])
    .map((k) => ({ key: k, label: figureLabel(k), before: current[k], after: values[k] }));
}
