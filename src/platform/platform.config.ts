import { AppEnv, validateEnv } from '../config/env.schema';
import type { SubmissionType } from './outbox.service';

export const SUBMISSION_TYPES: SubmissionType[] = [
  'licence', 'penalty', 'determination', 'interview', 'commitment', 'joint_sanction_notice', 'repair', 'correction',
  'publication_end', 'reclassification', 'repair_result',
];

export const SUBMISSION_TYPE_LABELS: Record<SubmissionType, string> = {
  licence: '行政许可', penalty: '行政处罚', determination: '失信认定', interview: '约谈', commitment: '信用承诺',
  joint_sanction_notice: '联合惩戒通知', repair: '信用修复', correction: '更正', publication_end: '停止公示',
  reclassification: '重新分类', repair_result: '信用修复办理结果',
};

export interface PlatformConfig {
  /** Null: the relay does not run (tests that do not start a simulator, production without a URL). */
  url: string | null;
  timeoutMs: number;
  backoffMs: number;
  backoffMaxMs: number;
  maxAttempts: number;
  ratePerSec: number;
  /** Most records in one request to the platform's batch endpoint. */
  batchMax: number;
  concurrency: Record<SubmissionType, number>;
  pollMs: number;
  requeueMs: number;
  lockMs: number;
  feedEveryMs: number;
  redisUrl: string;
  prefix: string;
}

/**
 * Read from process.env when a module starts (not when it is imported), so tests and the benchmark can set
 * short backoffs and the simulator's URL before they create the Nest context.
 */
export function platformConfig(env: AppEnv = validateEnv(process.env)): PlatformConfig {
  const byType = Object.fromEntries(
    (env.PLATFORM_CONCURRENCY_BY_TYPE || '').split(',').filter(Boolean).map((p) => {
      const [type, n] = p.split('=');
      if (!SUBMISSION_TYPES.includes(type as SubmissionType)) throw new Error(`PLATFORM_CONCURRENCY_BY_TYPE: unknown type ${type}`);
      return [type, Number(n)];
    }),
  );
  return {
    url: env.PLATFORM_URL ? env.PLATFORM_URL.replace(/\/+$/, '') : null,
    timeoutMs: env.PLATFORM_TIMEOUT_MS,
    backoffMs: env.PLATFORM_BACKOFF_MS,
    backoffMaxMs: env.PLATFORM_BACKOFF_MAX_MS,
    maxAttempts: env.PLATFORM_MAX_ATTEMPTS,
    ratePerSec: env.PLATFORM_RATE_LIMIT_PER_SEC,
    batchMax: env.PLATFORM_BATCH_MAX,
    concurrency: Object.fromEntries(SUBMISSION_TYPES.map((t) => [t, byType[t] ?? env.PLATFORM_CONCURRENCY])) as
      Record<SubmissionType, number>,
    pollMs: env.PLATFORM_POLL_MS,
    requeueMs: env.PLATFORM_REQUEUE_MS,
    lockMs: env.PLATFORM_JOB_LOCK_MS,
    feedEveryMs: env.PLATFORM_FEED_EVERY_MS,
    redisUrl: env.REDIS_URL,
    prefix: env.QUEUE_PREFIX,
  };
}

/** Capped exponential backoff with ±20 % jitter, so a recovering platform is not hit by every retry at once. */
export function backoffDelay(attemptsMade: number, baseMs: number, maxMs: number, random = Math.random): number {
  const raw = Math.min(maxMs, baseMs * 2 ** Math.max(0, attemptsMade - 1));
  return Math.round(raw * (0.8 + 0.4 * random()));
}
