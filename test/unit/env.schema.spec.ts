import { DEV_DATA_KEY, DEV_JWT_SECRET, validateEnv } from '../../src/config/env.schema';

describe('configuration', () => {
  const realKey = Buffer.alloc(32, 7).toString('base64');

  it('refuses to start in production with the development JWT secret', () => {
    expect(() => validateEnv({ NODE_ENV: 'production', DATA_ENCRYPTION_KEYS: `k1:${realKey}` })).toThrow(/JWT_SECRET/);
    expect(() => validateEnv({ NODE_ENV: 'production', JWT_SECRET: DEV_JWT_SECRET, DATA_ENCRYPTION_KEYS: `k1:${realKey}` }))
      .toThrow(/JWT_SECRET/);
  });

  it('refuses to start in production with the development data key', () => {
    expect(() => validateEnv({ NODE_ENV: 'production', JWT_SECRET: 'a-real-secret-of-32-characters!!' }))
      .toThrow(/DATA_ENCRYPTION_KEYS/);
    expect(() => validateEnv({ NODE_ENV: 'production', JWT_SECRET: 'a-real-secret-of-32-characters!!', DATA_ENCRYPTION_KEYS: `k2:${realKey},k1:${DEV_DATA_KEY}` }))
      .toThrow(/DATA_ENCRYPTION_KEYS/);
  });

  it('starts in production when both secrets are provided', () => {
    const env = validateEnv({ NODE_ENV: 'production', JWT_SECRET: 'a-real-secret-of-32-characters!!', DATA_ENCRYPTION_KEYS: `k1:${realKey}` });
    expect(env.TEMPORAL_TASK_QUEUE).toBe('edu-credit-cases');
  });

  it('names the variable that is malformed', () => {
    expect(() => validateEnv({ DATABASE_URL: 'mysql://x' })).toThrow(/DATABASE_URL/);
  });
});

describe('browser-facing limits', () => {
  it('allows no cross-origin caller unless CORS_ORIGINS names it', () => {
    expect(validateEnv({}).CORS_ORIGINS).toBe('');
    expect(validateEnv({ CORS_ORIGINS: 'https://credit.jyj.example.gov.cn,http://127.0.0.1:5173' }).CORS_ORIGINS)
      .toBe('https://credit.jyj.example.gov.cn,http://127.0.0.1:5173');
  });

  it('refuses a wildcard or a malformed origin list', () => {
    for (const bad of ['*', 'credit.example.gov.cn', 'https://a.example/path', 'https://a.example, https://b.example']) {
      expect(() => validateEnv({ CORS_ORIGINS: bad })).toThrow(/CORS_ORIGINS/);
    }
  });

  it('rate-limits public lookups by default and lets operations tune it', () => {
    expect(validateEnv({})).toMatchObject({ PUBLIC_THROTTLE_LIMIT: 60, PUBLIC_THROTTLE_TTL_MS: 60_000 });
    expect(validateEnv({ PUBLIC_THROTTLE_LIMIT: '120' }).PUBLIC_THROTTLE_LIMIT).toBe(120);
    expect(() => validateEnv({ PUBLIC_THROTTLE_LIMIT: '0' })).toThrow(/PUBLIC_THROTTLE_LIMIT/);
  });
});

describe('case worker memory', () => {
  it('caches 100 cases in the worker by default, which keeps it under 400 MB however many cases are open', () => {
    expect(validateEnv({}).WORKER_MAX_CACHED_WORKFLOWS).toBe(100);
    expect(validateEnv({ WORKER_MAX_CACHED_WORKFLOWS: '300' }).WORKER_MAX_CACHED_WORKFLOWS).toBe(300);
  });

  it('refuses a sticky cache under 10 cases, naming the variable', () => {
    expect(() => validateEnv({ WORKER_MAX_CACHED_WORKFLOWS: '5' })).toThrow(/WORKER_MAX_CACHED_WORKFLOWS/);
  });
});
