import * as Joi from 'joi';

/** Values that ship in the repository for development; production must replace them. */
export const DEV_JWT_SECRET = 'dev-only-jwt-secret-change-me';
export const DEV_DATA_KEY = 'ZGV2LW9ubHktZGF0YS1rZXktMzItYnl0ZXMtbG9uZyE='; // base64 of 32 bytes

export const envSchema = Joi.object({
  NODE_ENV: Joi.string().valid('development', 'test', 'production').default('development'),
  PORT: Joi.number().port().default(3000),
  DATABASE_URL: Joi.string().uri({ scheme: ['postgres', 'postgresql'] }).default('postgres://postgres@127.0.0.1:5432/educredit'),
  DATABASE_SCHEMA: Joi.string().default('public'),
  REDIS_URL: Joi.string().uri({ scheme: ['redis', 'rediss'] }).default('redis://127.0.0.1:6379/0'),
  QUEUE_PREFIX: Joi.string().default('educredit'),
  TEMPORAL_ADDRESS: Joi.string().default('127.0.0.1:7233'),
  TEMPORAL_NAMESPACE: Joi.string().default('default'),
  TEMPORAL_TASK_QUEUE: Joi.string().default('edu-credit-cases'),
  TEMPORAL_UI_URL: Joi.string().uri().default('http://127.0.0.1:8233'),
  WORKFLOW_BUNDLE_PATH: Joi.string().optional(),
  // a cached case costs the worker well under 1 MB (bench/worker-memory.bench.ts); cases beyond the cache rest in
  // Temporal and are replayed when they next move, which at the pace of supervision (days between steps) is unnoticed
  WORKER_MAX_CACHED_WORKFLOWS: Joi.number().integer().min(10).default(100)
    .description('sticky cache of the case worker: bounds its memory whatever the number of open cases'),
  JWT_SECRET: Joi.string().min(16).default(DEV_JWT_SECRET),
  JWT_EXPIRES_IN: Joi.string().default('8h'),
  DATA_ENCRYPTION_KEYS: Joi.string()
    .pattern(/^[A-Za-z0-9_-]+:[A-Za-z0-9+/=]+(,[A-Za-z0-9_-]+:[A-Za-z0-9+/=]+)*$/)
    .default(`k1:${DEV_DATA_KEY}`)
    .description('comma-separated keyId:base64Key; the first one encrypts, all decrypt (rotation)'),
  LOGIN_THROTTLE_LIMIT: Joi.number().integer().min(1).default(10),
  LOGIN_THROTTLE_TTL_MS: Joi.number().integer().min(1000).default(60_000),
  PUBLIC_THROTTLE_LIMIT: Joi.number().integer().min(1).default(60).description('public lookups per address per PUBLIC_THROTTLE_TTL_MS'),
  PUBLIC_THROTTLE_TTL_MS: Joi.number().integer().min(1000).default(60_000),
  CORS_ORIGINS: Joi.string().allow('').pattern(/^https?:\/\/[^\s,/]+(,https?:\/\/[^\s,/]+)*$/).default('')
    .description('origins allowed to call the API from a browser, comma-separated; empty = same origin only'),
  UPLOAD_DIR: Joi.string().default('var/uploads').description('evidence files, outside any web root, named by SHA-256'),
  UPLOAD_MAX_BYTES: Joi.number().integer().min(1024).default(10 * 1024 * 1024),
  LOG_LEVEL: Joi.string().valid('fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent').default('info'),
  // Municipal platform relay (src/platform). Without a URL the relay stays off and submissions wait, durable, in the
  // outbox; development points at the simulator that `npm run up` starts, tests start their own.
  PLATFORM_URL: Joi.string().uri({ scheme: ['http', 'https'] })
    .when('NODE_ENV', { is: 'development', then: Joi.string().default('http://127.0.0.1:3100') }),
  PLATFORM_TIMEOUT_MS: Joi.number().integer().min(100).default(10_000),
  PLATFORM_BACKOFF_MS: Joi.number().integer().min(10).default(1_000),
  PLATFORM_BACKOFF_MAX_MS: Joi.number().integer().min(10).default(300_000),
  PLATFORM_MAX_ATTEMPTS: Joi.number().integer().min(1).default(20),
  PLATFORM_RATE_LIMIT_PER_SEC: Joi.number().integer().min(0).default(100).description('0 = unlimited'),
  PLATFORM_CONCURRENCY: Joi.number().integer().min(1).default(4),
  PLATFORM_BATCH_MAX: Joi.number().integer().min(1).max(500).default(50),
  PLATFORM_CONCURRENCY_BY_TYPE: Joi.string().allow('').pattern(/^([a-z_]+=\d+)(,[a-z_]+=\d+)*$/).default(''),
  PLATFORM_POLL_MS: Joi.number().integer().min(50).default(1_000),
  PLATFORM_REQUEUE_MS: Joi.number().integer().min(100).default(60_000),
  NOTIFICATION_REQUEUE_MS: Joi.number().integer().min(100).default(60_000),
  PLATFORM_JOB_LOCK_MS: Joi.number().integer().min(1_000).default(30_000),
  PLATFORM_FEED_EVERY_MS: Joi.number().integer().min(100).default(60_000),
  NOTIFICATION_CHANNELS: Joi.string().allow('').pattern(/^(sms|email)(,(sms|email))*$/).default('sms,email'),
  // documents (src/documents): read where they are used, so both default here only for the record
  DOCUMENT_FONT_DIR: Joi.string().default('/usr/share/fonts/opentype/noto').description('Noto Serif CJK collections (Debian fonts-noto-cjk)'),
  DOCUMENT_SIGNING_KEY_FILE: Joi.string().default('var/document-signing/sm2-key.pem')
    .description('the development signer\'s SM2 key (PKCS#8 PEM, 0600), generated on first use'),
})
  .custom((env: Record<string, unknown>, helpers) => {
    if (env.NODE_ENV !== 'production') return env;
    if (env.JWT_SECRET === DEV_JWT_SECRET) return helpers.message({ custom: 'JWT_SECRET must be set in production' });
    if (String(env.DATA_ENCRYPTION_KEYS).includes(DEV_DATA_KEY)) {
      return helpers.message({ custom: 'DATA_ENCRYPTION_KEYS must be set in production' });
    }
    return env;
  });

export interface AppEnv {
  NODE_ENV: 'development' | 'test' | 'production';
  PORT: number;
  DATABASE_URL: string;
  DATABASE_SCHEMA: string;
  REDIS_URL: string;
  QUEUE_PREFIX: string;
  TEMPORAL_ADDRESS: string;
  TEMPORAL_NAMESPACE: string;
  TEMPORAL_TASK_QUEUE: string;
  TEMPORAL_UI_URL: string;
  WORKFLOW_BUNDLE_PATH?: string;
  WORKER_MAX_CACHED_WORKFLOWS: number;
  JWT_SECRET: string;
  JWT_EXPIRES_IN: string;
  DATA_ENCRYPTION_KEYS: string;
  LOGIN_THROTTLE_LIMIT: number;
  LOGIN_THROTTLE_TTL_MS: number;
  PUBLIC_THROTTLE_LIMIT: number;
  PUBLIC_THROTTLE_TTL_MS: number;
  CORS_ORIGINS: string;
  UPLOAD_DIR: string;
  UPLOAD_MAX_BYTES: number;
  LOG_LEVEL: string;
  PLATFORM_URL?: string;
  PLATFORM_TIMEOUT_MS: number;
  PLATFORM_BACKOFF_MS: number;
  PLATFORM_BACKOFF_MAX_MS: number;
  PLATFORM_MAX_ATTEMPTS: number;
  PLATFORM_RATE_LIMIT_PER_SEC: number;
  PLATFORM_CONCURRENCY: number;
  PLATFORM_BATCH_MAX: number;
  PLATFORM_CONCURRENCY_BY_TYPE: string;
  PLATFORM_POLL_MS: number;
  PLATFORM_REQUEUE_MS: number;
  NOTIFICATION_REQUEUE_MS: number;
  PLATFORM_JOB_LOCK_MS: number;
  PLATFORM_FEED_EVERY_MS: number;
  NOTIFICATION_CHANNELS: string;
  DOCUMENT_FONT_DIR: string;
  DOCUMENT_SIGNING_KEY_FILE: string;
}

/** Validates process.env once; used by Nest's ConfigModule and by scripts outside Nest. */
export function validateEnv(raw: Record<string, unknown>): AppEnv {
  const { error, value } = envSchema.validate(raw, { allowUnknown: true, abortEarly: false });
  if (error) throw new Error(`Invalid configuration: ${error.message}`);
  return value as AppEnv;
}
