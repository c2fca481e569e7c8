import { createHash } from 'node:crypto';
import type { Response } from 'express';

/** An answer serialised once for every request that shares it (src/reports/coalescer.ts), with its ETag. */
export interface JsonAnswer {
  readonly text: string;
  readonly etag: string;
}

/**
 * A report of 1,000 rows is 170 KB of JSON: serialising and hashing it took ~5 ms of the event loop per request on
 * the bench machine, 40 requests sharing one computation paid it 40 times while `/api/health` waited (issue #14).
 */
export function jsonAnswer(value: unknown): JsonAnswer {
  const text = JSON.stringify(value);
  return { text, etag: `W/"${createHash('sha1').update(text).digest('base64url')}"` };
}

/**
 * Hands a shared answer to Nest as the text it is: the content type set so it is not sent as HTML, and the ETag
 * set so express neither hashes it again nor loses conditional requests (304 on If-None-Match still works).
 */
export function sendJson(res: Response, answer: JsonAnswer): string {
  res.setHeader('Content-Type', 'application/json; charset=utf-8');
  res.setHeader('ETag', answer.etag);
  return answer.text;
}
