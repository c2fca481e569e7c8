import { draw } from '../../../src/inspections/draw';
import { createTestApp, TestApp } from '../../support/app';
import { auth, registerInstitution } from './helpers';

/** 一公开 of 双随机一公开: a published plan (scope, ratios, seed, draw proof) and its results on the public pages. */
describe('inspection plans and results in public', () => {
  let t: TestApp;
  let officer: string;
  let approver: string;

  beforeAll(async () => {
    t = await createTestApp();
    officer = (await t.loginAs('officer', { officeCode: 'ZCFG' })).token;
    approver = (await t.loginAs('approver', { officeCode: 'ZCFG' })).token;
    await registerInstitution(t, officer, { officeCode: 'ZCFG' });
  });
  afterAll(() => t.close());

  it('shows nothing of a plan until an approver publishes it, then its scope, seed, proof and each result as recorded', async () => {
    const created = (await t.http().post('/api/inspection-plans').set(auth(officer))
      .send({ title: '政策法规科校外培训机构抽查（公开）', officeCode: 'ZCFG', institutionType: 'off_campus_training', inspectorsPerTarget: 1, seed: 'public-seed-2026-q4' })
      .expect(201)).body;
    const [first, ...rest] = created.targets;
    await t.http().put(`/api/inspection-plans/${created.id}/targets/${first.uscc}/result`).set(auth(officer))
      .send({ result: 'fail', findings: '现场检查发现消防通道堵塞（内部记录）', publicFinding: '消防通道堵塞，已责令整改' })
      .expect(200);
    expect((await t.http().get(`/api/public/inspections/${created.id}`).expect(404)).body.code).toBe('INSPECTION_PLAN_NOT_FOUND');
    expect((await t.http().get('/api/public/inspections').expect(200)).body.items.map((p: { id: string }) => p.id)).not.toContain(created.id);

    await t.http().post(`/api/inspection-plans/${created.id}/publish`).set(auth(officer)).send({}).expect(403); // an approver publishes
    const published = (await t.http().post(`/api/inspection-plans/${created.id}/publish`).set(auth(approver)).send({}).expect(200)).body;
    expect(published.publishedAt).toEqual(expect.any(String));

    const list = (await t.http().get('/api/public/inspections').expect(200)).body.items;
    expect(list.find((p: { id: string }) => p.id === created.id)).toMatchObject({
      title: '政策法规科校外培训机构抽查（公开）', officeName: expect.any(String), institutionTypeLabel: '校外培训机构',
      ratios: created.ratios, candidateCount: created.candidateCount, targetCount: created.targets.length, inspectedCount: 1,
    });
    const plan = (await t.http().get(`/api/public/inspections/${created.id}`).expect(200)).body;
    expect(plan.drawProof).toMatchObject({ seed: 'public-seed-2026-q4', digest: created.digest, inspectorsPerTarget: 1, institutionsRedrawn: true });
    // anyone can redo the institutions' draw from what is published
    const redrawn = draw({ seed: plan.drawProof.seed, candidates: plan.drawProof.candidates, ratios: plan.ratios, inspectors: [], inspectorsPerTarget: 0 });
    expect(redrawn.map((x) => x.uscc)).toEqual(plan.targets.map((x: { uscc: string }) => x.uscc));
    expect(plan.targets[0]).toMatchObject({ uscc: first.uscc, result: 'fail', resultLabel: '发现问题', finding: '消防通道堵塞，已责令整改', followUp: '责令整改，依法处理', inspectedOn: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) });
    for (const other of plan.targets.slice(1)) expect(other).toMatchObject({ result: null, resultLabel: '尚未检查', finding: null, followUp: null });
    expect(plan.targets).toHaveLength(rest.length + 1);
    // internal findings and the inspectors (staff ids) stay inside
    const text = JSON.stringify(plan);
    expect(text).not.toContain('内部记录');
    for (const id of created.targets.flatMap((x: { inspectorIds: string[] }) => x.inspectorIds)) expect(text).not.toContain(id);
  });
});
