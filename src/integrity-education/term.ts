/** School terms: 'YYYY-1' spring (February–August), 'YYYY-2' autumn (September–January of the next year). */
export function termOf(date: string): string {
  const [y, m] = date.split('-').map(Number);
  if (m >= 9) return `${y}-2`;
  if (m === 1) return `${y - 1}-2`;
  return `${y}-1`;
}

export const TERM_PATTERN = /^\d{4}-[12]$/;
