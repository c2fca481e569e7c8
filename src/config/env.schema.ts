import * as Joi from 'joi';

/**
 * Secrets that once shipped in the repository as development defaults (issue #14 point 1): public knowledge, so they
 * are refused in every environment. The data key stays named here so scripts/reseal.ts can move rows sealed with it
 * to an installation's own key (`--from-repository-key`, development only).
 */
export const REPOSITORY_JWT_SECRET = 'dev-only-jwt-secret-change-me';
export const REPOSITORY_DATA_KEY = 'ZGV2LW9ubHktZGF0YS1rZXktMzItYnl0ZXMtbG9uZyE=';

const KEY_LIST = /^[A-Za-z0-9_-]+:[A-Za-z0-9+/=]+(,[A-Za-z0-9_-]+:[A-Za-z0-9+/=]+)*$/;
// proxy-addr's names, addresses and CIDR ranges; never `true` or a hop count, which would trust any sender
const PROXY = String.raw`(loopback|linklocal|uniquelocal|\d{1,3}(\.\d{1,3}){3}(\/\d{1,2})?|[0-9a-fA-F]*:[0-9a-fA-F:.]*(\/\d{1,3})?)`;
const PROXY_LIST = new RegExp(String.raw`^${PROXY}(\s*,\s*${PROXY})*$`);

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
  // on a host shared with the API a case's next steps wait a little for people's requests, not the other way round
  // (issue #20, bench/RESULTS.md "People first"); 0 where the worker has a machine or container of its own (nice
  // ranks threads within one cgroup); the requests that wait for the worker (registration, withdrawal) wait longer
  WORKER_NICE: Joi.number().integer().min(0).max(19).default(10)
    .description('CPU nice value the case worker lowers itself to (0 = as started)'),
  // no defaults: `npm run up` generates both into var/secrets.env, the test command makes throwaway ones per run, a
  // deployment sets its own; the API and worker refuse to start without them (AuthModule, FieldCryptoService)
  JWT_SECRET: Joi.string().min(32).description('HS256 key of access tokens, at least 32 characters'),
  JWT_EXPIRES_IN: Joi.string().pattern(/^\d+[smh]$/).default('15m').description('access token lifetime; refresh tokens renew it'),
  DATA_ENCRYPTION_KEYS: Joi.string().pattern(KEY_LIST)
    .description('comma-separated keyId:base64Key; the first one encrypts and keys the blind indexes, all decrypt (rotation)'),
  SESSION_IDLE_MINUTES: Joi.number().integer().min(5).max(24 * 60).default(30)
    .description('a session not refreshed for this long ends (GB/T 22239-2019 8.1.4.1 b: 登录连接超时自动退出)'),
  SESSION_MAX_HOURS: Joi.number().integer().min(1).max(24 * 30).default(12),
  SESSION_CACHE_TTL_MS: Joi.number().integer().min(0).max(60_000).default(30_000)
    .description('how long an API process trusts what it last read of a session; a change reaches every process within it'),
  LOGIN_LOCKOUT_THRESHOLD: Joi.number().integer().min(3).max(20).default(5).description('failed logins in a row that lock a username'),
  LOGIN_LOCKOUT_MINUTES: Joi.number().integer().min(1).max(24 * 60).default(15),
  LOGIN_ADDRESS_LIMIT: Joi.number().integer().min(1).default(30).description('failed logins per client address per window'),
  LOGIN_ADDRESS_WINDOW_MINUTES: Joi.number().integer().min(1).max(24 * 60).default(15),
  PASSWORD_MAX_AGE_DAYS: Joi.number().integer().min(1).max(3650).default(90)
    .description('a password older than this must be changed at the next login'),
  TOTP_ISSUER: Joi.string().max(40).default('海州教育信用').description('the issuer an authenticator app shows'),
  TRUST_PROXY: Joi.string().allow('', 'none').pattern(PROXY_LIST).default('')
    .description('reverse proxies whose X-Forwarded-For/-Proto count (express "trust proxy"); empty = none'),
  PUBLIC_THROTTLE_LIMIT: Joi.number().integer().min(1).default(60).description('public lookups per address per PUBLIC_THROTTLE_TTL_MS'),
  PUBLIC_THROTTLE_TTL_MS: Joi.number().integer().min(1000).default(60_000),
  CORS_ORIGINS: Joi.string().allow('').pattern(/^https?:\/\/[^\s,/]+(,https?:\/\/[^\s,/]+)*$/).default('')
    .description('origins allowed to call the API from a browser, comma-separated; empty = same origin only'),
  UPLOAD_DIR: Joi.string().default('var/uploads').description('evidence files, outside any web root, named by SHA-256'),
  UPLOAD_MAX_BYTES: Joi.number().integer().min(1024).default(10 * 1024 * 1024),
  UPLOAD_QUOTA_FILES: Joi.number().integer().min(1).default(1000).description('evidence files one institution may upload in all'),
  UPLOAD_QUOTA_BYTES: Joi.number().integer().min(1024).default(1024 * 1024 * 1024).description('bytes of evidence one institution may upload in all'),
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
    if (env.JWT_SECRET === REPOSITORY_JWT_SECRET) {
      return helpers.message({ custom: 'JWT_SECRET is the value once published in the repository: generate your own' });
    }
    if (typeof env.DATA_ENCRYPTION_KEYS === 'string' && env.DATA_ENCRYPTION_KEYS.includes(REPOSITORY_DATA_KEY)) {
      return helpers.message({ custom: 'DATA_ENCRYPTION_KEYS holds the key once published in the repository: run scripts/reseal.ts --from-repository-key' });
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
  WORKER_NICE: number;
  JWT_SECRET?: string;
  JWT_EXPIRES_IN: string;
  DATA_ENCRYPTION_KEYS?: string;
  SESSION_IDLE_MINUTES: number;
  SESSION_MAX_HOURS: number;
  SESSION_CACHE_TTL_MS: number;
  LOGIN_LOCKOUT_THRESHOLD: number;
  LOGIN_LOCKOUT_MINUTES: number;
  LOGIN_ADDRESS_LIMIT: number;
  LOGIN_ADDRESS_WINDOW_MINUTES: number;
  PASSWORD_MAX_AGE_DAYS: number;
  TOTP_ISSUER: string;
  TRUST_PROXY: string;
  PUBLIC_THROTTLE_LIMIT: number;
  PUBLIC_THROTTLE_TTL_MS: number;
  CORS_ORIGINS: string;
  UPLOAD_DIR: string;
  UPLOAD_MAX_BYTES: number;
  UPLOAD_QUOTA_FILES: number;
  UPLOAD_QUOTA_BYTES: number;
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
