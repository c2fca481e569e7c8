import { validateEnv } from '../../src/config/env.schema';
import { workflowSource } from '../../src/temporal/temporal-worker';

describe('workflowSource', () => {
  const secrets = { JWT_SECRET: 'a-real-secret-of-at-least-32-characters!', DATA_ENCRYPTION_KEYS: `k1:${Buffer.alloc(32, 7).toString('base64')}` };

  it('runs both workers from the pre-built bundles when WORKFLOW_BUNDLE_PATH names the case bundle', () => {
    const env = validateEnv({ ...secrets, NODE_ENV: 'production', WORKFLOW_BUNDLE_PATH: '/app/dist/workflow-bundle.js' });
    expect(workflowSource('case', env)).toEqual({ workflowBundle: { codePath: '/app/dist/workflow-bundle.js' } });
    // the supervision worker used to bundle workflows/ at start even in production
    expect(workflowSource('supervision', env)).toEqual({ workflowBundle: { codePath: '/app/dist/workflow-bundle.supervision.js' } });
  });

  it('refuses to start a production worker that would bundle at start-up', () => {
    const env = validateEnv({ ...secrets, NODE_ENV: 'production' });
    expect(() => workflowSource('supervision', env)).toThrow(/WORKFLOW_BUNDLE_PATH/);
    expect(() => workflowSource('case', env)).toThrow(/WORKFLOW_BUNDLE_PATH/);
  });

  it('bundles workflows/ on start in development and tests', () => {
    const env = validateEnv({ NODE_ENV: 'test' });
    expect(workflowSource('case', env).workflowsPath).toMatch(/workflows[/\\]index\.ts$/);
    expect(workflowSource('supervision', env).workflowsPath).toMatch(/reevaluate-all\.workflow\.ts$/);
  });
});
