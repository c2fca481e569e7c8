import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { Module, type INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { DataSource } from 'typeorm';
import { CryptoModule } from '../../src/common/crypto/crypto.module';
import { AppConfigModule } from '../../src/config/config.module';
import { DatabaseModule } from '../../src/database/database.module';
import type { DocumentKind } from '../../src/documents/document-kinds';
import { DocumentsCoreModule } from '../../src/documents/documents-core.module';
import { DocumentSettingsService } from '../../src/documents/settings/document-settings.service';
import { createUser, makeUscc, TestInstitution } from './factories';

@Module({ imports: [AppConfigModule, DatabaseModule, CryptoModule, DocumentsCoreModule] })
class DocumentsTestModule {}

/** The document engine with its real database, calendar and signer, as the worker's activities will use it. */
export function documentsContext(): Promise<INestApplicationContext> {
  return NestFactory.createApplicationContext(DocumentsTestModule, { logger: false });
}

export const REVIEW_BODY = '连云港市连云区人民政府';
export const COURT = '连云港市连云区人民法院';

/**
 * The bureau's settings with an issuer code of this suite's own: numbers run per bureau, kind and year, so a suite
 * counting from 1 is not disturbed by documents other suites issued this year.
 */
export function settingsBody(issuerCode = makeUscc(`11320703MB${String(Math.floor(Math.random() * 1e7)).padStart(7, '0')}`)) {
  return {
    issuerName: '连云港市连云区教育局', issuerCode, areaCode: '320703', reviewBody: REVIEW_BODY, court: COURT,
    contactAddress: '江苏省连云港市连云区教育局信用监管办公室', contactPhone: '0518-82310000',
    verifyBaseUrl: 'http://127.0.0.1:3000/api/public/documents/verify',
  };
}

export async function useFreshSettings(ctx: INestApplicationContext): Promise<string> {
  const body = settingsBody();
  await ctx.get(DocumentSettingsService).update(body, null);
  return body.issuerCode;
}

export const CASE_FACTS = '该机构于2026年3月起未取得办学许可证，在海州区朝阳路租用场所面向中小学生开展学科类培训，在读学员42人。';

/** A case row as the workflow's activities leave it once determined (the engine reads cases, never the workflow). */
export async function determinedCase(ds: DataSource, inst: TestInstitution, officeCode = 'XWPX'): Promise<string> {
  const caseNo = `LY-2099-${String(Math.floor(Math.random() * 1e6)).padStart(6, '0')}`;
  const { id: userId } = await createUser(ds, 'officer', { officeCode });
  await ds.query(
    `INSERT INTO cases (case_no, institution_id, uscc, behaviour_code, catalogue_version, policy_version, facts, source, severity,
                        stage, office_code, registered_by, decision_date, repairable_from, publicity_until)
     VALUES ($1, $2, $3, 'EDU-001', 1, 1, $4, 'inspection', 'serious', 'RECTIFICATION', $5, $6, '2026-10-09', '2027-10-09', '2029-10-09')`,
    [caseNo, inst.id, inst.uscc, CASE_FACTS, officeCode, userId]);
  return caseNo;
}

/** What each kind's template needs from its step, as the workflow's activities will pass it. */
export const KIND_DATA: Record<DocumentKind, Record<string, unknown>> = {
  'notice-of-determination': { measures: ['记入信用档案并依法公示', '列为重点监管对象，提高抽查比例'], objectionDays: 5 },
  'objection-result': { objectionReceivedOn: '2026-10-12', outcome: 'rejected', reasons: '所附材料不能证明已取得办学许可证。' },
  'determination-decision': { measures: ['记入信用档案并依法公示', '列为重点监管对象，提高抽查比例'],
    rectificationRequirements: '立即停止无证办学行为，妥善处理学员退费。', noticeDocNo: '连区教信告〔2026〕1号' },
  'repair-notice': {},
  'rectification-order': { requirements: '立即停止招生，向审批机关申请办学许可。', round: 1 },
  'interview-notice': { interviewKind: 'warning', scheduledAt: '2026-10-20T09:30:00+08:00', place: '连云区教育局305会议室' },
  'interview-record': { interviewKind: 'warning', heldAt: '2026-10-20T09:30:00+08:00', place: '连云区教育局305会议室',
    interviewers: ['王经办', '李科长'], attendees: ['陈明'], minutes: '告知其整改不到位的事实和后果，听取其情况说明。', outcome: '该机构承诺10个工作日内完成整改。' },
  'sanction-letter': { department: '连云港市连云区市场监督管理局', decisionDocNo: '连区教信决〔2026〕3号',
    measures: ['依法限制其参与政府采购活动'], copyTo: '连云港市公共信用信息共享平台' },
  'sanction-lifting-letter': { department: '连云港市连云区市场监督管理局', originalLetterNo: '连区教惩函〔2026〕1号', reason: 'repair', liftedOn: '2027-10-20' },
  'repair-decision': { approved: false, applicationReceivedOn: '2027-10-15', reasons: '尚未完成整改，学员退费未处理完毕。' },
  'service-receipt': { servedDocument: '失信行为认定决定书（连区教信决〔2026〕3号）', method: '直接送达', servedOn: '2026-10-10',
    servers: ['王经办', '赵执法'], place: '连云港市海州区朝阳路18号' },
};

/**
 * The text of a PDF as poppler's pdftotext reads it, without whitespace or page numbers: lines break anywhere in
 * Chinese, so a phrase is looked for in the text as one run of characters.
 */
export function pdfText(pdf: Buffer): string {
  const text = execFileSync('pdftotext', ['-enc', 'UTF-8', '-', '-'], { input: pdf, maxBuffer: 64 * 1024 * 1024 }).toString('utf8');
  return flat(text);
}

/** The text of a .docx: word/document.xml with its tags stripped (python3's zipfile: no unzip needed). */
export function docxText(docx: Buffer): string {
  const xml = execFileSync('python3', ['-c', 'import sys,zipfile,io; sys.stdout.write(zipfile.ZipFile(io.BytesIO(sys.stdin.buffer.read())).read("word/document.xml").decode())'],
    { input: docx }).toString('utf8');
  return flat(xml.replace(/<[^>]+>/g, '').replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"'));
}

export const flat = (s: string): string => s.replace(/—\s*\d+\s*—/g, '').replace(/\s+/g, '');

export const key = () => `test:${randomUUID()}`;
