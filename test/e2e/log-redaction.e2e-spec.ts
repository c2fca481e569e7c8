import { termUntil } from '../../src/industry-bans/ban-penalties.service';
import { createTestApp, TestApp } from '../support/app';
import { registerBan } from '../support/bans';
import { createInstitution, makeIdNumber } from '../support/factories';
import { auth } from '../support/http-case';
import { penaltyBody } from './credit/helpers';

/**
 * ID numbers stay out of the request log (issue #14 point 6): the routes that search by one take it in a JSON body,
 * and whatever a client still puts in a URL is masked in the logged URL, query and parameters.
 */
describe('ID numbers and the request log', () => {
  let t: TestApp;
  const lines: string[] = [];
  let officer: string;
  let approver: string;

  beforeAll(async () => {
    t = await createTestApp({ logTo: { write: (line: string) => void lines.push(line) } });
    officer = (await t.loginAs('officer', { officeCode: 'XWPX' })).token;
    approver = (await t.loginAs('approver', { officeCode: 'XWPX' })).token;
  });
  afterAll(() => t.close());

  it('finds a ban and reviews a person by an ID number in the body, and never logs the number', async () => {
    const idNumber = makeIdNumber('19800101');
    const { uscc } = await createInstitution(t.ds);
    const today = new Date().toISOString().slice(0, 10);
    await registerBan(t, officer, approver, { personName: '钱禁入', personIdNumber: idNumber, uscc, fromDate: today, untilDate: termUntil(today, 5) });
    lines.length = 0;

    const found = await t.http().post('/api/industry-bans/search').set(auth(officer)).send({ idNumber }).expect(200);
    const review = await t.http().post('/api/credit-review').set(auth(officer)).send({ uscc, purpose: 'licence', idNumber }).expect(200);
    // the old way, as a stale link would still send it: refused, and the URL is logged masked
    const stale = await t.http().get(`/api/industry-bans?idNumber=${idNumber}`).set(auth(officer));
    await t.http().get(`/api/credit-review?uscc=${uscc}&purpose=licence&idNumber=${idNumber.toLowerCase()}`).set(auth(officer));

    expect(found.body.items).toEqual([expect.objectContaining({ personName: '钱**' })]);
    expect(review.body.outcome).toBe('block');
    expect(stale.status).toBe(400);
    const log = lines.join('');
    expect(log).toContain('/api/industry-bans/search'); // the log was captured
    expect(log).toContain(`/api/industry-bans?idNumber=${idNumber.slice(0, 4)}**********${idNumber.slice(-4)}`);
    expect(log).not.toContain(idNumber);
    expect(log).not.toContain(idNumber.toLowerCase());
  });

  it('logs a failed query without its SQL, its bound values or the driver\'s detail (issue #19 review)', async () => {
    const idNumber = makeIdNumber('19900909');
    const name = '欧阳隐名';
    // the database refuses the person's subject row: the INSERT's parameters carry the name and the sealed number
    await t.ds.query(`CREATE FUNCTION log_redaction_refuse() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION 'refused for the log test' USING DETAIL = 'row ' || NEW.name || ' ' || NEW.id_hmac; END $$`);
    await t.ds.query(`CREATE TRIGGER log_redaction_refuse BEFORE INSERT ON subjects FOR EACH ROW EXECUTE FUNCTION log_redaction_refuse()`);
    lines.length = 0;
    try {
      const { uscc: _u, legalRepName: _l, ...body } = penaltyBody('', { subjectName: name, subjectCategory: '自然人', idType: '身份证', idNumber });
      const res = await t.http().post('/api/publicity/penalties').set(auth(officer)).send(body).expect(500);
      expect(res.body).toEqual({ code: 'INTERNAL_ERROR', message: '系统内部错误，请联系管理员' });
    } finally {
      await t.ds.query(`DROP TRIGGER log_redaction_refuse ON subjects`);
      await t.ds.query(`DROP FUNCTION log_redaction_refuse()`);
    }
    const log = lines.join('');
    const errorLine = lines.find((l) => l.includes('unhandled error'));
    expect(errorLine).toContain('refused for the log test'); // the failure itself is logged, with its message
    expect(JSON.parse(errorLine!).err).toMatchObject({ type: 'QueryFailedError', parameters: '[redacted]', query: '[redacted]', driverError: '[redacted]' });
    expect(log).not.toContain(name);
    expect(log).not.toContain(idNumber);
    expect(log).not.toMatch(/INSERT INTO subjects/);
  });
});
