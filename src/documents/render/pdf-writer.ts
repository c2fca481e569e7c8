import PDFDocument from 'pdfkit';
import type { Block, DocumentContent } from '../templates';
import { font } from './fonts';
import { drawQr, drawSeal, emboldened, MM, RED } from './seal';

/** GB/T 9704-2012 5.2: 天头 37 mm, 订口 28 mm, a text block of 156 × 225 mm, 22 lines of 28 characters in 3号 type. */
export const MARGINS = { top: 37 * MM, left: 28 * MM, right: 26 * MM, bottom: 35 * MM };
const WIDTH = 156 * MM;
const BODY = 16; // 3号
const TITLE = 22; // 2号
const SMALL = 14; // 4号: page numbers, forms, 抄送
const LINE = (225 * MM) / 22;

/** What the signer put on the document, shown under the seal; the signature itself is stored beside the bytes. */
export interface SealMark {
  keyId: string;
  algorithm: string;
  signedAt: string;
}

export interface PdfInfo {
  title: string;
  subject: string;
  author: string;
  createdAt: Date;
  keywords?: string;
}

/**
 * Lays documents out on A4 with pdfkit: 函 after GB/T 9704-2012 (信函格式: the issuer in red over a red double line,
 * the number under it), enforcement documents as the bureau's 执法文书 (issuer and title, number, addressee, body,
 * seal block). The same writer renders one document for serving and many for the case file (案卷).
 */
export class PdfWriter {
  readonly doc: PDFKit.PDFDocument;
  private readonly chunks: Buffer[] = [];
  private readonly done: Promise<Buffer>;

  constructor(info: PdfInfo) {
    this.doc = new PDFDocument({
      size: 'A4', margins: MARGINS, bufferPages: true, pdfVersion: '1.7', lang: 'zh-CN', displayTitle: true,
      // no Helvetica: everything is set in 'body' (below), and pdfkit would parse Helvetica's metrics for each document
      font: null as unknown as string,
      // pdfkit hashes every Info entry into the file ID: an undefined one would throw
      info: { Title: info.title, Subject: info.subject, Author: info.author, Creator: 'edu-credit', CreationDate: info.createdAt,
        ...(info.keywords ? { Keywords: info.keywords } : {}) },
    });
    // a parsed font object, not a path (see fonts.ts); one face: bold is drawn by stroking its outline (emboldened()),
    // since embedding a second CJK subset nearly doubled the time to render a document
    this.doc.registerFont('body', font() as unknown as Buffer);
    this.doc.font('body'); // the current font from the start (line heights, moveDown)
    this.doc.on('data', (c: Buffer) => this.chunks.push(c));
    this.done = new Promise((resolve, reject) => {
      this.doc.on('end', () => resolve(Buffer.concat(this.chunks)));
      this.doc.on('error', reject);
    });
  }

  /** One whole document from a fresh page; `seal` null for a draft or a reproduction without a seal. */
  document(c: DocumentContent, seal: SealMark | null): void {
    if (c.layout === 'letter') this.letterHead(c);
    else this.enforcementHead(c);
    if (c.addressee) this.text(c.addressee, { indent: false });
    for (const b of c.blocks) this.block(b);
    if (c.closing) this.text(c.closing);
    this.signatureBlock(c, seal);
    if (c.copyTo) this.copyTo(c.copyTo);
  }

  newPage(): void {
    this.doc.addPage();
  }

  /** A centred bold line (the case file's cover and index use it too). */
  heading(text: string, size = TITLE, color = 'black'): void {
    emboldened(this.doc.font('body').fontSize(size), color).text(text, MARGINS.left, undefined, { width: WIDTH, align: 'center', lineGap: 6, stroke: true, fill: true });
    this.doc.fillColor('black').strokeColor('black');
  }

  text(text: string, opts: { indent?: boolean; bold?: boolean; size?: number; align?: 'left' | 'right' | 'center' | 'justify' } = {}): void {
    const size = opts.size ?? BODY;
    this.doc.font('body').fontSize(size);
    if (opts.bold) emboldened(this.doc, 'black');
    const gap = Math.max(0, (LINE * size) / BODY - this.doc.currentLineHeight());
    this.doc.text(text, MARGINS.left, undefined, { width: WIDTH, align: opts.align ?? 'justify', indent: opts.indent === false ? 0 : 2 * size, lineGap: gap,
      stroke: !!opts.bold, fill: true });
  }

  /** A bordered two-column table (送达回证, 约谈记录, the case file's index); rows never split across pages. */
  table(rows: string[][], widths: number[], size = SMALL): void {
    const pad = 5;
    const scale = WIDTH / widths.reduce((a, b) => a + b, 0);
    const cols = widths.map((w) => w * scale);
    this.doc.font('body').fontSize(size);
    let y = this.doc.y + 4;
    for (const row of rows) {
      const h = Math.max(...row.map((cell, i) => this.doc.heightOfString(cell, { width: cols[i] - 2 * pad }))) + 2 * pad;
      if (y + h > this.doc.page.height - MARGINS.bottom) {
        this.doc.addPage();
        y = MARGINS.top;
      }
      let x = MARGINS.left;
      row.forEach((cell, i) => {
        this.doc.lineWidth(0.6).rect(x, y, cols[i], h).stroke('black');
        this.doc.text(cell, x + pad, y + pad, { width: cols[i] - 2 * pad });
        x += cols[i];
      });
      y += h;
    }
    this.doc.x = MARGINS.left;
    this.doc.y = y + LINE / 2;
  }

  /** Page numbers (GB/T 9704-2012 7.5: 4号, odd pages on the right, even on the left) and a draft's watermark. */
  finish(opts: { draft?: boolean; firstNumbered?: number } = {}): Promise<Buffer> {
    const { start, count } = this.doc.bufferedPageRange();
    for (let i = start; i < start + count; i++) {
      this.doc.switchToPage(i);
      const bottom = this.doc.page.margins.bottom;
      this.doc.page.margins.bottom = 0; // writing in the margin must not open a new page
      if (opts.draft) this.watermark();
      const n = i + 1 - (opts.firstNumbered ?? 1) + 1;
      if (n >= 1) {
        this.doc.font('body').fontSize(SMALL).fillColor('black')
          .text(`— ${n} —`, MARGINS.left + SMALL, this.doc.page.height - 25 * MM, { width: WIDTH - 2 * SMALL, align: n % 2 ? 'right' : 'left', lineBreak: false });
      }
      this.doc.page.margins.bottom = bottom;
    }
    this.doc.end();
    return this.done;
  }

  private enforcementHead(c: DocumentContent): void {
    this.heading(c.issuerName);
    this.heading(c.draft ? `${c.title}（草稿）` : c.title);
    this.doc.moveDown(0.3);
    this.text(c.docNo, { align: 'right', indent: false });
    this.doc.moveDown(0.3);
  }

  /** 信函格式 (GB/T 9704-2012 10.1): issuer 30 mm from the top in red, a red double line (thick over thin), then the number. */
  private letterHead(c: DocumentContent): void {
    const doc = this.doc;
    emboldened(doc.font('body').fontSize(26), RED).text(c.issuerName, MARGINS.left, 30 * MM, { width: WIDTH, align: 'center', characterSpacing: 2, stroke: true, fill: true });
    const y = doc.y + 4 * MM;
    const x0 = (doc.page.width - 170 * MM) / 2;
    doc.lineWidth(2).moveTo(x0, y).lineTo(x0 + 170 * MM, y).stroke(RED);
    doc.lineWidth(0.6).moveTo(x0, y + 1.5 * MM).lineTo(x0 + 170 * MM, y + 1.5 * MM).stroke(RED);
    doc.fillColor('black');
    doc.y = y + 4 * MM;
    this.text(c.docNo, { align: 'right', indent: false });
    doc.moveDown(0.5);
    this.heading(c.draft ? `${c.title}（草稿）` : c.title);
    doc.moveDown(0.3);
  }

  private block(b: Block): void {
    if (b.type === 'heading') this.text(b.text, { bold: true });
    else if (b.type === 'paragraph') this.text(b.text);
    else if (b.type === 'fields') this.table(b.rows, [2, 5]);
    else this.signatureLines(b.lines);
  }

  private signatureLines(lines: string[]): void {
    this.doc.moveDown(0.5);
    for (const line of lines) {
      this.text(`${line}＿＿＿＿＿＿＿＿　　　　年　　月　　日`, { indent: false, size: SMALL, align: 'left' });
      this.doc.moveDown(0.8);
    }
  }

  /**
   * 发文机关署名 centred over 成文日期, the date four characters in from the right (GB/T 9704-2012 7.3.5.1), the seal
   * pressed on both, a decision's QR code and verification code on the left. Kept on one page with a line of text.
   */
  private signatureBlock(c: DocumentContent, seal: SealMark | null): void {
    const doc = this.doc;
    const needed = 3 * LINE + (seal ? 24 * MM : 0);
    if (doc.y + needed > doc.page.height - MARGINS.bottom) doc.addPage();
    doc.y += LINE * 1.5;
    doc.font('body').fontSize(BODY);
    const dateW = doc.widthOfString(c.dateText);
    const issuerW = doc.widthOfString(c.issuerName);
    const dateX = MARGINS.left + WIDTH - 4 * BODY - dateW;
    const centre = dateX + dateW / 2;
    const top = doc.y;
    if (c.verification && seal) this.verification(c.verification, top - LINE);
    doc.font('body').fontSize(BODY);
    doc.text(c.issuerName, Math.min(centre - issuerW / 2, MARGINS.left + WIDTH - issuerW), top, { lineBreak: false });
    doc.text(c.dateText, dateX, top + LINE, { lineBreak: false });
    if (seal) {
      drawSeal(doc, centre, top + LINE * 0.6, c.issuerName);
      doc.font('body').fontSize(8).fillColor('#555555')
        .text(`电子签名：${seal.algorithm}　签名密钥：${seal.keyId}　签署时间：${seal.signedAt}`, MARGINS.left, top + LINE * 2 + 10 * MM,
          { width: WIDTH, align: 'right', lineBreak: false });
      doc.fillColor('black');
    }
    doc.x = MARGINS.left;
    doc.y = top + LINE * 2 + (seal ? 16 * MM : 0);
  }

  private verification(v: { code: string; url: string }, y: number): void {
    const size = 26 * MM;
    drawQr(this.doc, MARGINS.left, y, size, v.url);
    this.doc.font('body').fontSize(9).fillColor('black')
      .text(`验证码：${v.code}`, MARGINS.left, y + size + 1, { width: 80 * MM, lineBreak: false })
      .text('扫描二维码或在公开查询页输入验证码，核验本文书真伪', MARGINS.left, y + size + 12, { width: 80 * MM, lineBreak: false });
  }

  private copyTo(text: string): void {
    const doc = this.doc;
    if (doc.y + 2 * LINE > doc.page.height - MARGINS.bottom) doc.addPage();
    const y = Math.max(doc.y + LINE, doc.page.height - MARGINS.bottom - LINE);
    doc.lineWidth(0.5).moveTo(MARGINS.left, y).lineTo(MARGINS.left + WIDTH, y).stroke('black');
    doc.font('body').fontSize(SMALL).text(`抄送：${text}。`, MARGINS.left + SMALL, y + 4, { width: WIDTH - 2 * SMALL });
  }

  private watermark(): void {
    const doc = this.doc;
    doc.save().rotate(-35, { origin: [doc.page.width / 2, doc.page.height / 2] })
      .font('body').fontSize(90).fillColor('#cccccc').opacity(0.35)
      .text('草稿 未签发', 0, doc.page.height / 2 - 45, { width: doc.page.width, align: 'center', lineBreak: false })
      .restore();
    doc.opacity(1).fillColor('black');
  }
}

/** One document as a PDF. */
export async function renderDocumentPdf(c: DocumentContent, seal: SealMark | null, createdAt: Date): Promise<Buffer> {
  const w = new PdfWriter({ title: c.title, subject: c.docNo, author: c.issuerName, createdAt, keywords: seal ? `${seal.algorithm} ${seal.keyId}` : undefined });
  w.document(c, seal);
  return w.finish({ draft: c.draft });
}
