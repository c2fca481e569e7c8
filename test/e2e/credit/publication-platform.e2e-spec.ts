import type { INestApplicationContext } from '@nestjs/common';
import { CreditFileService } from '../../../src/credit-file/credit-file.service';
import type { RunningSimulator } from '../../../src/platform-simulator/server';
import { createTestApp, TestApp } from '../../support/app';
import { relayContext, startSimulator, usePlatformEnv, waitFor } from '../../support/platform';
import { auth, penaltyBody, publishPenalty, registerInstitution } from './helpers';

interface Held { type: string; recordRef: string; payload: Record<string, any> }

/**
 * What changes publication reaches the municipal platform like any other record (issue #18): a minor penalty with
 * its class and not-to-publish flag, the end of publication (which was never sent: its kind had no submission type and
 * the platform's contract did not know it), a repair, a withdrawal and a reclassification — through the real relay.
 */
describe('publication changes shared with the municipal platform', () => {
  let sim: RunningSimulator;
  let restoreEnv: () => void;
  let t: TestApp;
  let relay: INestApplicationContext;
  let officer: string;
  let approver: string;

  beforeAll(async () => {
    sim = await startSimulator();
    restoreEnv = usePlatformEnv(sim);
    t = await createTestApp();
    relay = await relayContext();
    officer = (await t.loginAs('officer', { officeCode: 'XWPX' })).token;
    approver = (await t.loginAs('approver', { officeCode: 'XWPX' })).token;
  });

  afterAll(async () => {
    await relay?.close();
    await t?.close();
    await sim?.close();
    restoreEnv?.();
  });

  it('delivers a minor record with its flag, and the end, repair, withdrawal and reclassification of published ones', async () => {
    const { uscc } = await registerInstitution(t, officer);
    const { fineAmount: _f, ...warning } = penaltyBody(uscc, { procedure: 'simple', penaltyCategory: ['警告'], content: '警告', decisionDate: '2026-11-30' });
    const minor = (await t.http().post('/api/publicity/penalties').set(auth(officer)).send(warning).expect(201)).body;
    const tokens = { officer, approver };
    const [ended, repaired, withdrawn, reclassified] = [
      await publishPenalty(t, tokens, penaltyBody(uscc, { decisionDate: '2026-11-02' })),
      await publishPenalty(t, tokens, penaltyBody(uscc, { decisionDate: '2026-11-03' })),
      await publishPenalty(t, tokens, penaltyBody(uscc, { decisionDate: '2026-11-04' })),
      await publishPenalty(t, tokens, penaltyBody(uscc, { decisionDate: '2026-11-05' })),
    ];
    const file = t.app.get(CreditFileService);
    const later = (kind: 'publication_end' | 'repair' | 'correction' | 'reclassification', refersTo: string, payload: Record<string, unknown>) =>
      file.append({ uscc, kind, title: kind, decisionDate: '2026-12-01', refersTo, payload, sourceRef: `${kind}:${refersTo}` });
    const records = [
      await later('publication_end', ended.recordId, {}),
      await later('repair', repaired.recordId, { routes: ['commitment'] }),
      await later('correction', withdrawn.recordId, { withdrawn: true, reason: '决定被撤销' }),
      await later('reclassification', reclassified.recordId, { action: 'cut', fromClass: 'general', toClass: 'general', publicityUntil: '2027-06-30' }),
    ];

    const refs = [minor.recordId, ...records.map((r) => r.id)];
    const held = await waitFor('the platform to hold every record', async () => {
      const page = (await (await fetch(`${sim.url}/admin/records?limit=5000`)).json()) as { items: Held[] };
      const mine = page.items.filter((h) => refs.includes(h.recordRef));
      return mine.length === refs.length && mine;
    });
    const byRef = new Map(held.map((h) => [h.recordRef, h]));
    expect(byRef.get(minor.recordId)).toMatchObject({ type: 'penalty',
      payload: { severity: 'minor', publicityFrom: null, payload: { notToPublish: true, classification: { class: 'minor', reasons: [expect.stringContaining('简易程序')] } } } });
    expect(records.map((r) => byRef.get(r.id)?.type)).toEqual(['publication_end', 'repair', 'correction', 'reclassification']);
    expect(byRef.get(records[3].id)?.payload).toMatchObject({ kind: 'reclassification', refersTo: reclassified.recordId, payload: { publicityUntil: '2027-06-30' } });
    const states = await t.ds.query(`SELECT DISTINCT status FROM platform_submissions WHERE record_ref = ANY($1)`, [refs]);
    expect(states).toEqual([{ status: 'delivered' }]);
  });
});
