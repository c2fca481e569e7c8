import { json, urlencoded, type ErrorRequestHandler, type RequestHandler } from 'express';
import { CommonErrorCode } from '../errors/common.errors';
import { formatBytes } from './single-file-upload';

/** The largest JSON body any route takes (the biggest form, a policy version, is a few KB; files go multipart). */
export const JSON_BODY_LIMIT_BYTES = 100 * 1024;
/** Our deepest body nests 4 levels; 32 leaves room and keeps every recursive walk (validation, transform) shallow. */
export const MAX_JSON_DEPTH = 32;
/** Keys that reach an object's prototype when code copies a body with `obj[key] = …` or a deep merge. */
const FORBIDDEN_KEYS = ['__proto__', 'constructor', 'prototype'];

interface BodyError {
  status: number;
  code: string;
  message: string;
  details?: Record<string, unknown>;
}

class JsonBodyRefused extends Error {
  // body-parser keeps an error's own status (else it would answer 403 for a refusal in `verify`); it sets `body`
  // on the error to the raw bytes, hence `answer`
  constructor(readonly answer: BodyError, readonly status = answer.status) {
    super(answer.message);
  }
}

/**
 * How deep the arrays and objects of a JSON text nest, counted on the raw bytes before parsing: JSON.parse itself
 * copes with 5,000 levels, but everything that walks the result recursively afterwards overflows the stack.
 * Stops counting (returns) as soon as `limit` is passed.
 */
export function jsonNestingDepth(text: Buffer, limit = Infinity): number {
  let depth = 0;
  let max = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (inString) {
      if (c === 0x5c) i++; // backslash: the next byte is escaped, even a quote
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x7b || c === 0x5b) {
      if (++depth > max && (max = depth) > limit) return max;
    } else if (c === 0x7d || c === 0x5d) depth--;
  }
  return max;
}

/** The path of the first forbidden key in a parsed body (its depth is already bounded), or undefined. */
export function forbiddenKeyPath(value: unknown, path = '$'): string | undefined {
  if (value === null || typeof value !== 'object') return undefined;
  for (const key of Object.keys(value)) {
    // JSON.parse makes "__proto__" an own property, so Object.keys sees it
    if (FORBIDDEN_KEYS.includes(key)) return `${path}.${key}`;
    const found = forbiddenKeyPath((value as Record<string, unknown>)[key], `${path}.${key}`);
    if (found) return found;
  }
  return undefined;
}

const tooDeep = (): BodyError => ({
  status: 400, code: CommonErrorCode.BODY_TOO_DEEP, message: `请求内容嵌套层级过深（最多 ${MAX_JSON_DEPTH} 层）`, details: { maxDepth: MAX_JSON_DEPTH },
});

/**
 * The JSON body parser of the API (issue #14 point 8), in place of Nest's default: over the limit answers 413, too
 * deep a nesting 400 before anything parses it, and a prototype key 400 instead of being dropped silently later
 * by class-transformer (a client should learn its field was not taken).
 */
export function bodyParsers(): RequestHandler[] {
  const parse = json({
    limit: JSON_BODY_LIMIT_BYTES,
    verify: (_req, _res, buf) => {
      if (jsonNestingDepth(buf, MAX_JSON_DEPTH) > MAX_JSON_DEPTH) throw new JsonBodyRefused(tooDeep());
    },
  });
  const keys: RequestHandler = (req, _res, next) => {
    const path = forbiddenKeyPath(req.body);
    if (!path) return next();
    next(new JsonBodyRefused({ status: 400, code: CommonErrorCode.BODY_KEY_FORBIDDEN, message: `请求内容含有不允许的字段名（${path}）`, details: { path } }));
  };
  // forms too (no route takes one): Nest would add its own otherwise, after the error handler below, with `qs` nesting
  const form = urlencoded({ extended: false, limit: JSON_BODY_LIMIT_BYTES });
  return [parse, form, keys];
}

/** body-parser's own errors in the house shape `{code, message, details}` (they never reach Nest's filter). */
export const jsonBodyErrors: ErrorRequestHandler = (err: unknown, _req, res, next) => {
  const e = err as { type?: string; status?: number; body?: unknown };
  let body: BodyError | undefined;
  if (err instanceof JsonBodyRefused) body = err.answer;
  else if (e.type === 'entity.too.large') {
    body = { status: 413, code: CommonErrorCode.PAYLOAD_TOO_LARGE, message: `请求内容超过 ${formatBytes(JSON_BODY_LIMIT_BYTES)} 的上限`, details: { maxBytes: JSON_BODY_LIMIT_BYTES } };
  } else if (e.type === 'entity.parse.failed') body = { status: 400, code: CommonErrorCode.BODY_INVALID_JSON, message: '请求内容不是有效的 JSON' };
  else if (e.type === 'charset.unsupported' || e.type === 'encoding.unsupported') {
    body = { status: 415, code: CommonErrorCode.UNSUPPORTED_MEDIA_TYPE, message: '不支持的内容编码' };
  }
  if (!body) return next(err);
  const { status, ...answer } = body;
  res.status(status).json(answer);
};
