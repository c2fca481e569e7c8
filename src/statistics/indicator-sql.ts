/**
 * The statistics page's indicators (issue #22): each is one SQL over the buckets `b(i, d_from, d_to)` (Beijing days,
 * both ends included) answering `(i, value)`, with the definition the page prints beside it. A definition says what is
 * counted, on which day and from which record, so a figure can be checked against the case files.
 */
export interface Indicator {
  key: string;
  group: string;
  label: string;
  definition: string;
  /** `share` is a percentage with one decimal, null when nothing was due (shown as —); `days` an average. */
  unit: 'count' | 'days' | 'share';
  sql: string;
}

export const DAY = (col: string) => `(${col} AT TIME ZONE 'Asia/Shanghai')::date`;

/** Rows with a day: counted in the bucket their day falls in. */
export const countBy = (from: string, day: string, where = 'true') =>
  `SELECT b.i, count(x.day)::float AS value FROM b LEFT JOIN (SELECT ${day} AS day FROM ${from} WHERE ${where}) x
     ON x.day BETWEEN b.d_from AND b.d_to GROUP BY b.i`;

/**
 * The share (%, one decimal) of the rows whose day falls in the bucket that also meet `hit`; null when no row falls in
 * it, so a period with nothing to measure reads —, never 0 % or 100 %.
 */
export const shareBy = (from: string, day: string, where: string, hit: string) =>
  `SELECT b.i, CASE WHEN count(x.day) = 0 THEN NULL ELSE round(100.0 * count(x.day) FILTER (WHERE x.hit) / count(x.day), 1)::float END AS value
     FROM b LEFT JOIN (SELECT ${day} AS day, (${hit}) AS hit FROM ${from} WHERE ${where}) x
       ON x.day BETWEEN b.d_from AND b.d_to GROUP BY b.i`;
