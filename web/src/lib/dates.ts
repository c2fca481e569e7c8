import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';

dayjs.locale('zh-cn');

/** Today in Beijing time as YYYY-MM-DD: deadlines are Chinese calendar days wherever the browser is. */
export function beijingToday(now = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(now);
}

/** 2026年3月2日 */
export function formatDate(d: string | Date | null | undefined): string {
  if (!d) return '';
  return dayjs(d).format('YYYY年M月D日');
}

/** 2026年3月2日 14:05 (Beijing time) */
export function formatDateTime(d: string | Date | null | undefined): string {
  if (!d) return '';
  const parts = new Intl.DateTimeFormat('zh-CN', {
    timeZone: 'Asia/Shanghai', year: 'numeric', month: 'numeric', day: 'numeric', hour: '2-digit', minute: '2-digit', hour12: false,
  }).formatToParts(new Date(d));
  const p = Object.fromEntries(parts.map((x) => [x.type, x.value]));
  return `${p.year}年${p.month}月${p.day}日 ${p.hour}:${p.minute}`;
}

/** YYYY-MM-DD plus n calendar days, in UTC arithmetic so no time zone can shift it. */
export function addDays(date: string, n: number): string {
  const t = Date.parse(`${date}T00:00:00Z`) + n * 86_400_000;
  return new Date(t).toISOString().slice(0, 10);
}

export { dayjs };
