import { Injectable } from '@nestjs/common';
import { SERVICE_METHOD_LABELS, ServiceMethod } from '../document-kinds';
import { PdfWriter } from '../render/pdf-writer';
import { DocumentSettingsService } from '../settings/document-settings.service';
import { dateText, SEVERITY_LABELS } from '../templates/common';
import { CaseFileDocument, CaseFileRepository, CaseHeader, DecisionItem, EvidenceItem } from './case-file.repository';
import { caseNotFound } from '../../cases/case.errors';

const SUBMISSION_LABELS: Record<string, string> = { objection: '异议申请', rectification: '整改报告', repair: '信用修复申请' };
const RECORD_LABELS: Record<string, string> = {
  determination: '失信认定', interview: '约谈', repair: '信用修复', joint_sanction: '联合惩戒', correction: '更正', publication_end: '停止公示',
};

interface Parts {
  header: CaseHeader;
  documents: CaseFileDocument[];
  evidence: EvidenceItem[];
  decisions: DecisionItem[];
  issuer: string;
  retentionYears: number;
}

/**
 * The case file (案卷): one paginated PDF with a cover, an index (卷内目录) of the documents with the page each starts
 * on, the service records, the evidence and the decisions, then every issued document. For a 行政复议 answer (due within
 * 10 days, 行政复议法 art. 48) or archiving. The documents are laid out again from their stored content; the index
 * gives each signed original's SHA-256, which GET /api/documents/:id/pdf serves unchanged.
 */
@Injectable()
export class CaseFileService {
  constructor(
    private readonly repo: CaseFileRepository,
    private readonly settings: DocumentSettingsService,
  ) {}

  async export(caseNo: string): Promise<{ bytes: Buffer; filename: string }> {
    const header = await this.repo.header(caseNo);
    if (!header) throw caseNotFound();
    const settings = await this.settings.get();
    const parts: Parts = {
      header, documents: await this.repo.documents(caseNo), evidence: await this.repo.evidence(caseNo),
      decisions: await this.repo.decisions(caseNo), issuer: settings.issuerName, retentionYears: settings.retentionYears['case-file'],
    };
    // the index names the page each document starts on, which only the layout knows: lay out once to learn the
    // pages, then again with them (the index takes the same room either way: only its page numbers change)
    const first = await this.render(parts, null);
    const { bytes } = await this.render(parts, first);
    return { bytes, filename: `${caseNo}-案卷.pdf` };
  }

  private async render(p: Parts, known: { starts: number[]; pages: number } | null): Promise<{ bytes: Buffer; starts: number[]; pages: number }> {
    const w = new PdfWriter({ title: `${p.header.caseNo} 案卷`, subject: p.header.caseNo, author: p.issuer, createdAt: new Date() });
    this.cover(w, p, known?.pages ?? 0);
    w.newPage();
    this.index(w, p, known?.starts ?? p.documents.map(() => 0));
    const starts: number[] = [];
    for (const d of p.documents) {
      w.newPage();
      starts.push(w.doc.bufferedPageRange().count);
      w.document(d.content, null);
      w.text(`（本页依据存档文书内容排印；签发原件 SHA-256：${d.sha256}，电子签名密钥 ${d.signerKeyId}）`, { size: 9, indent: false });
    }
    const pages = w.doc.bufferedPageRange().count;
    return { bytes: await w.finish(), starts, pages };
  }

  private cover(w: PdfWriter, p: Parts, pages: number): void {
    const h = p.header;
    w.doc.moveDown(3);
    w.heading(p.issuer);
    w.heading('失信行为案件案卷', 26);
    w.doc.moveDown(2);
    w.table([
      ['案件编号', h.caseNo], ['当事人', `${h.institutionName}（统一社会信用代码：${h.uscc}）`],
      ['失信行为', `${h.behaviourTitle}（${h.behaviourCode}），失信程度“${SEVERITY_LABELS[h.severity]}”`],
      ['立案日期', dateText(h.registeredOn)], ['决定日期', h.decisionDate ? dateText(h.decisionDate) : '—'],
      ['结案日期', h.closedOn ? dateText(h.closedOn) : '未结案'], ['保管期限', `${p.retentionYears} 年`],
      ['本卷页数', pages ? `共 ${pages} 页` : '—'], ['卷内文书', `${p.documents.length} 份`],
    ], [1, 3], 14);
  }

  private index(w: PdfWriter, p: Parts, starts: number[]): void {
    w.heading('卷内目录', 22);
    w.text('一、文书', { bold: true, indent: false });
    w.table([['序号', '文书名称', '文号', '签发日期', '页码'],
      ...p.documents.map((d, i) => [String(i + 1), d.title, d.docNo, d.issuedOn, String(starts[i] || '')])], [1, 4, 4, 2.4, 1.2], 11);
    w.text('二、送达记录', { bold: true, indent: false });
    const served = p.documents.filter((d) => d.serviceMethod);
    w.table([['文号', '送达方式', '送达日期', '送达证明'],
      ...(served.length ? served.map((d) => [d.docNo, SERVICE_METHOD_LABELS[d.serviceMethod as ServiceMethod], d.servedOn ?? '', proofText(d.proof)]) : [['—', '—', '—', '尚无送达记录']]),
      ...p.documents.filter((d) => !d.serviceMethod && d.toSubject && d.content.addressee).map((d) => [d.docNo, '未送达', '—', '待送达'])], [3.5, 2, 2.2, 5], 11);
    w.text('三、证据材料', { bold: true, indent: false });
    const evidence = p.evidence.flatMap((e) => e.files.length
      ? e.files.map((f) => [SUBMISSION_LABELS[e.kind] ?? e.kind, e.submittedOn, f.name, `${f.sha256.slice(0, 16)}…（${f.sizeBytes} 字节）`])
      : [[SUBMISSION_LABELS[e.kind] ?? e.kind, e.submittedOn, '（无附件）', e.text.slice(0, 40)]]);
    w.table([['来源', '提交日期', '文件', 'SHA-256'], ...(evidence.length ? evidence : [['—', '—', '无', '—']])], [2, 2, 4, 4], 11);
    w.text('四、信用记录（决定）', { bold: true, indent: false });
    w.table([['种类', '内容', '决定日期', '记录哈希'],
      ...(p.decisions.length ? p.decisions.map((d) => [RECORD_LABELS[d.kind] ?? d.kind, d.title, d.decisionDate, `${d.hash.slice(0, 16)}…`]) : [['—', '无', '—', '—']])],
    [2, 5, 2.4, 3], 11);
  }
}

function proofText(proof: Record<string, unknown> | null): string {
  if (!proof) return '';
  const text = (v: unknown) => (typeof v === 'string' || typeof v === 'number' ? String(v) : '');
  const parts: string[] = [];
  if (proof.channel) parts.push(`到达机构门户（确认书签署于 ${text(proof.consentSignedOn)}）`);
  if (proof.receiptDocNo) parts.push(`送达回证 ${text(proof.receiptDocNo)}`);
  if (proof.recipient) parts.push(`签收人 ${text(proof.recipient)}`);
  if (proof.witness) parts.push(`见证人 ${text(proof.witness)}`);
  if (proof.trackingNo) parts.push(`邮件号 ${text(proof.trackingNo)}`);
  if (proof.announcedIn) parts.push(`公告于 ${text(proof.announcedIn)}（${text(proof.announcedOn)}）`);
  return parts.join('；');
}
