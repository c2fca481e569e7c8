import { applyMergePatch } from '../../src/platform/merge-patch';
import { backoffDelay, platformConfig } from '../../src/platform/platform.config';
import { validateEnv } from '../../src/config/env.schema';
import { render, TemplateError, TEMPLATES } from '../../src/notifications/templates';

describe('platform relay rules', () => {
  it('applies an officer\'s fix as a JSON merge patch: nested merge, null removes, arrays replace', () => {
    const payload = { decisionNo: '临时-1', fine: { amount: 2, unit: '万元' }, persons: ['甲'], note: 'x' };
    expect(applyMergePatch(payload, { decisionNo: '海教罚〔2026〕3号', fine: { amount: 3 }, persons: ['乙'], note: null })).toEqual({
      decisionNo: '海教罚〔2026〕3号', fine: { amount: 3, unit: '万元' }, persons: ['乙'],
    });
    expect(payload.decisionNo).toBe('临时-1'); // the stored original is not mutated (the fix trail keeps it)
  });

  it('backs off exponentially up to a cap, with jitter around the nominal delay', () => {
    const mid = () => 0.5; // jitter factor 1.0
    expect([1, 2, 3, 4, 10].map((n) => backoffDelay(n, 1000, 5000, mid))).toEqual([1000, 2000, 4000, 5000, 5000]);
    expect(backoffDelay(1, 1000, 5000, () => 0)).toBe(800);
    expect(backoffDelay(1, 1000, 5000, () => 1)).toBe(1200);
  });

  it('reads per-type concurrency and leaves the relay off without a platform URL outside development', () => {
    const cfg = platformConfig(validateEnv({ NODE_ENV: 'test', PLATFORM_CONCURRENCY: '3', PLATFORM_CONCURRENCY_BY_TYPE: 'penalty=9,joint_sanction_notice=1' }));
    expect(cfg.url).toBeNull();
    expect(cfg.concurrency).toMatchObject({ penalty: 9, joint_sanction_notice: 1, licence: 3 });
    expect(platformConfig(validateEnv({ NODE_ENV: 'development' })).url).toBe('http://127.0.0.1:3100');
    expect(() => platformConfig(validateEnv({ PLATFORM_CONCURRENCY_BY_TYPE: 'gossip=2' }))).toThrow(/unknown type gossip/);
  });

  it('renders every notification template in Chinese and refuses one with missing data', () => {
    expect(render('deadline_reminder', { institutionName: '某校', caseNo: 'LY-2026-000001', item: '提交整改报告', dueDate: '2026-04-30' }))
      .toEqual({ title: '办理期限即将届满', body: '某校：案件 LY-2026-000001 的「提交整改报告」将于 2026-04-30 届满，请尽快办理，逾期将按规定处理。' });
    expect(Object.keys(TEMPLATES)).toEqual(expect.arrayContaining(['deadline_new', 'deadline_reminder', 'case_outcome', 'task_assigned']));
    expect(() => render('case_outcome', { caseNo: 'LY-2026-000001' })).toThrow(TemplateError);
    expect(() => render('no_such_template', {})).toThrow(TemplateError);
  });
});
