import { REPOSITORY_DATA_KEY, REPOSITORY_JWT_SECRET, validateEnv } from '../../src/config/env.schema';

describe('configuration', () => {
  const realKey = Buffer.alloc(32, 7).toString('base64');
  const realSecret = 'a-real-secret-of-at-least-32-characters!';

  it('has no default secret: without JWT_SECRET and DATA_ENCRYPTION_KEYS neither is invented', () => {
    const env = validateEnv({});
    expect(env.JWT_SECRET).toBeUndefined();
    expect(env.DATA_ENCRYPTION_KEYS).toBeUndefined();
  });

  it('refuses the JWT secret once published in the repository, in development as in production', () => {
    for (const NODE_ENV of ['development', 'test', 'production']) {
      expect(() => validateEnv({ NODE_ENV, JWT_SECRET: REPOSITORY_JWT_SECRET, DATA_ENCRYPTION_KEYS: `k1:${realKey}` })).toThrow(/JWT_SECRET/);
    }
  });

  it('refuses the data key once published in the repository, even as an older key of a rotation', () => {
    for (const NODE_ENV of ['development', 'production']) {
      expect(() => validateEnv({ NODE_ENV, JWT_SECRET: realSecret, DATA_ENCRYPTION_KEYS: `k1:${REPOSITORY_DATA_KEY}` })).toThrow(/DATA_ENCRYPTION_KEYS/);
      expect(() => validateEnv({ NODE_ENV, JWT_SECRET: realSecret, DATA_ENCRYPTION_KEYS: `k2:${realKey},k1:${REPOSITORY_DATA_KEY}` }))
        .toThrow(/DATA_ENCRYPTION_KEYS/);
    }
  });

  it('refuses a JWT secret shorter than 32 characters', () => {
    expect(() => validateEnv({ JWT_SECRET: 'sixteen-chars-ok' })).toThrow(/JWT_SECRET/);
  });

  it('starts in production when both secrets are provided, with 15-minute access tokens', () => {
    const env = validateEnv({ NODE_ENV: 'production', JWT_SECRET: realSecret, DATA_ENCRYPTION_KEYS: `k1:${realKey}` });
    expect(env).toMatchObject({ TEMPORAL_TASK_QUEUE: 'edu-credit-cases', JWT_EXPIRES_IN: '15m', SESSION_CACHE_TTL_MS: 30_000 });
  });

  it('never lets a session check be cached for more than 60 seconds', () => {
    expect(() => validateEnv({ SESSION_CACHE_TTL_MS: '61000' })).toThrow(/SESSION_CACHE_TTL_MS/);
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

  it('trusts no proxy unless TRUST_PROXY names one, and never every sender', () => {
    expect(validateEnv({}).TRUST_PROXY).toBe('');
    expect(validateEnv({ TRUST_PROXY: 'loopback' }).TRUST_PROXY).toBe('loopback');
    expect(validateEnv({ TRUST_PROXY: '10.0.0.5, 172.16.0.0/12' }).TRUST_PROXY).toBe('10.0.0.5, 172.16.0.0/12');
    for (const bad of ['true', '1', '*', 'proxy.example.com']) expect(() => validateEnv({ TRUST_PROXY: bad })).toThrow(/TRUST_PROXY/);
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
