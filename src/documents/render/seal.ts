import { create as createQr } from 'qrcode';

export const MM = 72 / 25.4;
export const RED = '#d40000';

/** Bold from the regular face: its outline stroked in the fill colour, 3 % of the type size wide (pass stroke: true). */
export function emboldened(doc: PDFKit.PDFDocument, color: string): PDFKit.PDFDocument {
  return doc.lineWidth(((doc as unknown as { _fontSize: number })._fontSize ?? 16) * 0.03).fillColor(color).strokeColor(color);
}

/**
 * The visible half of the electronic signature: a round seal (42 mm, the common size of an organ's seal) with the
 * issuer's name along the upper arc and a star in the middle, pressed on the issuer and date as GB/T 9704-2012
 * 7.3.5.1 places a seal. What proves the document is the SM2 signature stored with it (documents.signature); the
 * seal only shows where it applies, and the line under it says which key signed.
 */
export function drawSeal(doc: PDFKit.PDFDocument, cx: number, cy: number, issuer: string): void {
  const r = 21 * MM;
  doc.save();
  doc.lineWidth(2.2).circle(cx, cy, r).stroke(RED);
  doc.lineWidth(0.6).circle(cx, cy, r - 3).stroke(RED);
  star(doc, cx, cy, 7 * MM);
  const size = Math.min(13, (Math.PI * 1.1 * (r - 13)) / Math.max(issuer.length, 1));
  emboldened(doc.font('body').fontSize(size), RED);
  // characters along the arc from left to right over the top, each rotated to face the centre
  const span = Math.min(Math.PI * 1.15, (issuer.length * size * 1.15) / (r - 13));
  [...issuer].forEach((ch, i) => {
    const angle = -Math.PI / 2 - span / 2 + (span * (i + 0.5)) / issuer.length;
    const x = cx + (r - 13) * Math.cos(angle);
    const y = cy + (r - 13) * Math.sin(angle);
    doc.save().rotate((angle * 180) / Math.PI + 90, { origin: [x, y] })
      .text(ch, x - size / 2, y - size / 2, { lineBreak: false, width: size * 1.2, stroke: true, fill: true }).restore();
  });
  doc.font('body').fontSize(9).text('电子签章', cx - 30, cy + 8 * MM, { width: 60, align: 'center', lineBreak: false });
  doc.restore();
  doc.fillColor('black').strokeColor('black');
}

function star(doc: PDFKit.PDFDocument, cx: number, cy: number, outer: number): void {
  const inner = outer * 0.382;
  const points: [number, number][] = [];
  for (let i = 0; i < 10; i++) {
    const radius = i % 2 ? inner : outer;
    const angle = -Math.PI / 2 + (i * Math.PI) / 5;
    points.push([cx + radius * Math.cos(angle), cy + radius * Math.sin(angle)]);
  }
  doc.polygon(...points).fill(RED);
}

/** A QR code drawn as vector modules (no image to decode or embed): every dark module is one square of one path. */
export function drawQr(doc: PDFKit.PDFDocument, x: number, y: number, size: number, text: string): void {
  // one byte-mode segment: the text is a URL, and finding the best mix of modes costs more than the QR itself
  const { modules } = createQr([{ data: Buffer.from(text, 'utf8'), mode: 'byte' }], { errorCorrectionLevel: 'M' });
  const quiet = 2;
  const cell = size / (modules.size + quiet * 2);
  doc.save();
  for (let row = 0; row < modules.size; row++) {
    // a run of dark modules in a row is one rectangle
    for (let col = 0; col < modules.size; col++) {
      if (!modules.get(row, col)) continue;
      const start = col;
      while (col + 1 < modules.size && modules.get(row, col + 1)) col++;
      doc.rect(x + (start + quiet) * cell, y + (row + quiet) * cell, (col - start + 1) * cell, cell);
    }
  }
  doc.fill('black').restore();
}
