/** What an administrator is shown: what is wrong, how much, and what to do about it. */
export interface OpsAlert {
  code: string;
  severity: 'critical' | 'warning';
  title: string;
  detail: string;
  /** 处置建议: the step that clears the alert. */
  action: string;
  count: number;
  /** Up to 20 items it concerns (case numbers, document numbers, USCCs); never personal data. */
  items: string[];
}

/**
 * The State Council announces next year's holidays in the autumn (the 2027 notice was still missing on 6 December
 * 2026); a deadline running into a year the calendar lacks cannot be computed exactly. From 1 November (Beijing date)
 * the administrator is asked to publish it; a missing current year is critical at any time.
 */
export function calendarAlerts(today: string, knownYears: number[]): OpsAlert[] {
  const year = Number(today.slice(0, 4));
  const known = new Set(knownYears);
  if (!known.has(year)) {
    return [{
      code: 'CALENDAR_YEAR_MISSING', severity: 'critical', count: 1, items: [String(year)],
      title: `系统日历未收录本年度（${year} 年）节假日安排`,
      detail: '本年度的期限无法按工作日准确计算。',
      action: `请立即在“日历管理”中按国务院办公厅通知录入并发布 ${year} 年节假日安排。`,
    }];
  }
  if (today.slice(5) >= '11-01' && !known.has(year + 1)) {
    return [{
      code: 'CALENDAR_NEXT_YEAR_MISSING', severity: 'warning', count: 1, items: [String(year + 1)],
      title: `${year + 1} 年节假日安排尚未发布`,
      detail: `跨入 ${year + 1} 年的期限暂按法定节假日计算（不含调休），标注“暂定”；发布后自动重新计算并通知相关机构。`,
      action: `国务院办公厅通知发布后，请在“日历管理”中生成 ${year + 1} 年草稿（法定节假日），补充调休安排并发布。`,
    }];
  }
  return [];
}
