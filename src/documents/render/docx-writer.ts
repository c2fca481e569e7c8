import {
  AlignmentType, BorderStyle, Document, Footer, LineRuleType, Packer, PageNumber, Paragraph, Table, TableCell, TableRow, TextRun, WidthType,
} from 'docx';
import type { Block, DocumentContent } from '../templates';

// GB/T 9704-2012 in Word's units: twips (1/20 pt) for the page, half-points for type.
const TWIP_PER_MM = 56.7;
const BODY = 32; // 3号
const TITLE = 44; // 2号
const LINE = 579; // exactly 28.95 pt: 22 lines in the 225 mm text block
// The fonts GB/T 9704 names; Word substitutes what it lacks, and the officer's bureau machines have them.
const SONG = { eastAsia: '方正小标宋简体', ascii: 'Times New Roman', hAnsi: 'Times New Roman' };
const FANG = { eastAsia: '仿宋_GB2312', ascii: 'Times New Roman', hAnsi: 'Times New Roman' };
const HEI = { eastAsia: '黑体', ascii: 'Times New Roman', hAnsi: 'Times New Roman' };

const run = (text: string, opts: { size?: number; font?: typeof FANG; bold?: boolean; color?: string } = {}) =>
  new TextRun({ text, size: opts.size ?? BODY, font: opts.font ?? FANG, bold: opts.bold, color: opts.color });

const line = (text: string, opts: { align?: (typeof AlignmentType)[keyof typeof AlignmentType]; indent?: boolean; font?: typeof FANG; size?: number; color?: string } = {}) =>
  new Paragraph({
    alignment: opts.align ?? AlignmentType.JUSTIFIED,
    indent: opts.indent === false ? undefined : { firstLine: 2 * (opts.size ?? BODY) * 10 },
    spacing: { line: LINE, lineRule: LineRuleType.EXACT },
    children: [run(text, { size: opts.size, font: opts.font, color: opts.color })],
  });

function fieldsTable(rows: [string, string][]): Table {
  const cell = (text: string, width: number) => new TableCell({
    width: { size: width, type: WidthType.PERCENTAGE },
    children: [new Paragraph({ children: [run(text, { size: 28 })] })],
  });
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: rows.map(([k, v]) => new TableRow({ children: [cell(k, 28), cell(v, 72)] })),
  });
}

function block(b: Block): (Paragraph | Table)[] {
  if (b.type === 'heading') return [line(b.text, { font: HEI })];
  if (b.type === 'paragraph') return [line(b.text)];
  if (b.type === 'fields') return [fieldsTable(b.rows)];
  return b.lines.map((l) => line(`${l}＿＿＿＿＿＿＿＿　　　　年　　月　　日`, { indent: false, size: 28, align: AlignmentType.LEFT }));
}

/**
 * The same content as the PDF, as a Word file for an officer who edits a draft before it is issued: 文号, 主送, body,
 * 署名 and 成文日期 in GB/T 9704-2012's page and type sizes. No seal: a .docx is never the served document.
 */
export async function renderDocumentDocx(c: DocumentContent): Promise<Buffer> {
  const title = c.draft ? `${c.title}（草稿）` : c.title;
  const head = c.layout === 'letter'
    ? [line(c.issuerName, { align: AlignmentType.CENTER, indent: false, font: SONG, size: 52, color: 'D40000' }),
      new Paragraph({ border: { bottom: { style: BorderStyle.THICK_THIN_LARGE_GAP, size: 18, color: 'D40000', space: 4 } }, children: [] }),
      line(c.docNo, { align: AlignmentType.RIGHT, indent: false }),
      line(title, { align: AlignmentType.CENTER, indent: false, font: SONG, size: TITLE })]
    : [line(c.issuerName, { align: AlignmentType.CENTER, indent: false, font: SONG, size: TITLE }),
      line(title, { align: AlignmentType.CENTER, indent: false, font: SONG, size: TITLE }),
      line(c.docNo, { align: AlignmentType.RIGHT, indent: false })];
  const children: (Paragraph | Table)[] = [
    ...head,
    ...(c.addressee ? [line(c.addressee, { indent: false })] : []),
    ...c.blocks.flatMap(block),
    ...(c.closing ? [line(c.closing)] : []),
    line(''),
    line(c.issuerName, { align: AlignmentType.RIGHT, indent: false }),
    line(c.dateText, { align: AlignmentType.RIGHT, indent: false }),
    ...(c.verification ? [line(`验证码：${c.verification.code}（${c.verification.url}）`, { indent: false, size: 20 })] : []),
    ...(c.copyTo ? [line(`抄送：${c.copyTo}。`, { indent: false, size: 28 })] : []),
  ];
  const doc = new Document({
    title, subject: c.docNo, creator: 'edu-credit',
    sections: [{
      properties: { page: { size: { width: 11906, height: 16838 }, margin: { top: 37 * TWIP_PER_MM, bottom: 35 * TWIP_PER_MM, left: 28 * TWIP_PER_MM, right: 26 * TWIP_PER_MM } } },
      footers: { default: new Footer({ children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ children: ['— ', PageNumber.CURRENT, ' —'], size: 28 })] })] }) },
      children,
    }],
  });
  return Packer.toBuffer(doc);
}
