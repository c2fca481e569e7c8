/** School terms: 'YYYY-1' spring (Feb–Aug), 'YYYY-2' autumn (Sep–Jan of the next year). */
export function termOf(date: string): string {
  const [y, m] = date.split('-').map(Number);
  if (m >= 9) return `${y}-2`;
  if (m === 1) return `${y - 1}-2`;
  return `${y}-1`;
}

export function termLabel(term: string): string {
  const [y, t] = term.split('-');
  return t === '1' ? `${y}年春季学期` : `${y}年秋季学期`;
}

export function recentTerms(today: string, n = 4): string[] {
  const out: string[] = [];
  let t = termOf(today);
  for (let i = 0; i < n; i++) {
    out.push(t);
    const [y, s] = t.split('-').map(Number);
    t = s === 2 ? `${y}-1` : `${y - 1}-2`;
  }
  return out;
}

export const THEMES = ['诚信主题班会', '诚信考场', '诚信承诺签名', '诚信故事会', '家长诚信课堂', '教师师德诚信培训', '其他'];
