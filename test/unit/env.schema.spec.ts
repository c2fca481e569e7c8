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
