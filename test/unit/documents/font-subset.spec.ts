import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import PDFDocument from 'pdfkit';
import { font, fontDir } from '../../../src/documents/render/fonts';

/**
 * The embedded subset without subroutines (src/documents/render/cff-subset.ts): the same text laid out once with the
 * font's subset as fontkit makes it (full-length subroutine indexes) and once with the documents' font draws the same
 * pixels and extracts the same text, in a much smaller font program.
 */
const TEXT = '失信行为认定告知书 连区教信告〔2026〕12号 连云港市海州区启明星培训学校（统一社会信用代码：52320700MJ58463813）：'
  + '经调查核实，你单位存在以下行为：该机构于2026年3月起未取得办学许可证，在读学员42人。“严重”；《校外培训行政处罚暂行办法》第五条。';

function pdfWith(face: unknown): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'A4', info: { CreationDate: new Date('2026-12-01T00:00:00Z') } });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));
  doc.registerFont('body', face as Buffer);
  doc.font('body').fontSize(16).text(TEXT, 72, 72, { width: 440 });
  doc.font('body').fontSize(9).text('验证码：ABCDEFGHIJKLMNOPQRSTUVWXYZ 0518-82310000', 72, 400);
  doc.end();
  return done;
}

const pixels = (pdf: Buffer): Buffer => execFileSync('pdftoppm', ['-r', '110', '-gray', '-f', '1', '-l', '1', '-'], { input: pdf, maxBuffer: 64 * 1024 * 1024 });
const text = (pdf: Buffer): string => execFileSync('pdftotext', ['-enc', 'UTF-8', '-', '-'], { input: pdf }).toString('utf8');

describe('document font subset', () => {
  it('draws and extracts exactly what fontkit\'s own subset does, at a fraction of the size', async () => {
    const fontkit = require('fontkit') as { create(data: Buffer, name: string): { createSubset(): unknown } };
    const plain = fontkit.create(readFileSync(join(fontDir(), 'NotoSerifCJK-Regular.ttc')), 'NotoSerifCJKsc-Regular');
    // the same unshaped layout, only the subset is fontkit's own
    const reference = await pdfWith(new Proxy(font(), { get: (t, p) => (p === 'createSubset' ? () => plain.createSubset() : Reflect.get(t, p)) }));
    const ours = await pdfWith(font());
    expect(text(ours)).toBe(text(reference));
    expect(text(ours)).toContain('连区教信告〔2026〕12号');
    expect(pixels(ours).equals(pixels(reference))).toBe(true);
    // fontkit's subset keeps ~54,000 subroutine stubs (over 100 KB deflated); flattened, the font is a few KB
    expect(ours.length).toBeLessThan(reference.length / 3);
  });

  it('renders a second document from the cached charstrings the same way', async () => {
    const first = await pdfWith(font());
    const second = await pdfWith(font());
    expect(pixels(second).equals(pixels(first))).toBe(true);
  });
});
