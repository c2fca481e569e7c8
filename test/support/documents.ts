import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { Module, type INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { DataSource } from 'typeorm';
import { DocumentsCoreModule } from '../../src/documents/documents-core.module';
import { DocumentSettingsService } from '../../src/documents/settings/document-settings.service';
import { EXAMPLE_DATA } from '../../src/documents/templates/examples';
import { FOUNDATION_MODULES } from '../../src/shared.modules';
import { createUser, makeUscc, TestInstitution } from './factories';

// the foundation set (src/shared.modules.ts): the engine issues a case's documents through the case repositories,
// whose services notify through the global NotificationsModule
@Module({ imports: [...FOUNDATION_MODULES, DocumentsCoreModule] })
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

/** The lead as registered: a complainant's words, which no document may carry. */
export const CASE_LEAD = '家长投诉：该机构无证办学，老师态度恶劣，收费后拒不退款，疑似卷款跑路。';
/** The findings the officer established and the approver approved (the last DETERMINATION_PROPOSED). */
export const CASE_FINDINGS = '该机构于2026年3月起未取得办学许可证，在海州区朝阳路租用场所面向中小学生开展学科类培训，在读学员42人。';

/** A case row as the workflow's activities leave it once determined (the engine reads cases, never the workflow). */
export async function determinedCase(ds: DataSource, inst: TestInstitution, officeCode = 'XWPX'): Promise<string> {
  const caseNo = `LY-2099-${String(Math.floor(Math.random() * 1e6)).padStart(6, '0')}`;
  const { id: userId } = await createUser(ds, 'officer', { officeCode });
  await ds.query(
    `INSERT INTO cases (case_no, institution_id, uscc, behaviour_code, catalogue_version, policy_version, facts, source, severity,
                        stage, office_code, registered_by, decision_date, repairable_from, publicity_until)
     VALUES ($1, $2, $3, 'EDU-001', 1, 1, $4, 'inspection', 'serious', 'RECTIFICATION', $5, $6, '2026-10-09', '2027-10-09', '2029-10-09')`,
    [caseNo, inst.id, inst.uscc, CASE_LEAD, officeCode, userId]);
  await ds.query(
    `INSERT INTO case_events (case_no, type, stage_from, stage_to, actor_id, actor_role, reason, idempotency_key)
     VALUES ($1, 'DETERMINATION_PROPOSED', 'INVESTIGATION', 'APPROVAL', $2, 'officer', $3, $1 || ':proposed')`,
    [caseNo, userId, CASE_FINDINGS]);
  return caseNo;
}

/** What each kind's template needs from its step, as the workflow's activities will pass it. */
export const KIND_DATA = EXAMPLE_DATA;

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

/** supertest's parser for a binary answer (a PDF, a .docx): the body as one Buffer. */
export function binary(res: { on: (e: string, f: (c: Buffer) => void) => void }, done: (err: Error | null, body: Buffer) => void): void {
  const chunks: Buffer[] = [];
  res.on('data', (c: Buffer) => chunks.push(c));
  res.on('end', () => done(null, Buffer.concat(chunks)));
}
