import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';

dayjs.locale('zh-cn');

// The one place in the console that turns an instant into a Beijing calendar day. Deadlines, decision dates and
// "today" are Chinese calendar days wherever the browser is. The server gets the same helper as a pure module (no
// Node API); once it lands, beijingDate can be re-exported from it through a Vite alias like '@server/labels'.
const BEIJING_DAY = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' });
const PLAIN_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The calendar day (YYYY-MM-DD) in Beijing at an instant. */
export function beijingDate(at: Date): string {
  return BEIJING_DAY.format(at);
}

/** Today in Beijing as YYYY-MM-DD. */
export function beijingToday(now = new Date()): string {
  return beijingDate(now);
}

/** 2026年3月2日: a plain date as it is, an instant (a timestamp) as its day in Beijing. */
export function formatDate(d: string | Date | null | undefined): string {
  if (!d) return '';
  const day = typeof d === 'string' && PLAIN_DATE.test(d) ? d : beijingDate(new Date(d));
  const [y, m, dd] = day.split('-').map(Number);
  return `${y}年${m}月${dd}日`;
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
