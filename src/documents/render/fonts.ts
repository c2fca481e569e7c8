import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { HttpStatus } from '@nestjs/common';
import { DomainException } from '../../common/errors/domain.exception';

/** The part of a fontkit font pdfkit needs; pdfkit (0.20) embeds a subset of whatever glyphs a document uses. */
export interface LoadedFont {
  layout: (text: string) => unknown;
  postscriptName: string;
}

// fontkit ships no types; pdfkit depends on the same version.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const fontkit: { create(data: Buffer, postscriptName?: string): LoadedFont } = require('fontkit');

/**
 * Noto Serif CJK SC from Debian's fonts-noto-cjk, which scripts/lib.sh installs (the Dockerfile too): a Song-style
 * face for the body (GB/T 9704 asks for 仿宋 and 小标宋, which no free registry package carries) and its bold for
 * titles. The collection files hold every CJK variant; the SC members are picked by PostScript name.
 */
const FACES = {
  regular: { file: 'NotoSerifCJK-Regular.ttc', name: 'NotoSerifCJKsc-Regular' },
  bold: { file: 'NotoSerifCJK-Bold.ttc', name: 'NotoSerifCJKsc-Bold' },
} as const;
export type Face = keyof typeof FACES;

export const fontDir = (): string => process.env.DOCUMENT_FONT_DIR ?? '/usr/share/fonts/opentype/noto';

const loaded = new Map<Face, LoadedFont>();

/**
 * Parsed once per process and shared by every document: parsing the 26 MB collection for each document cost
 * ~400 ms of the 500 ms a notice took (pdfkit accepts a parsed font since 0.20, so the parse is not repeated).
 */
export function font(face: Face): LoadedFont {
  const cached = loaded.get(face);
  if (cached) return cached;
  const { file, name } = FACES[face];
  const path = join(fontDir(), file);
  let parsed: LoadedFont;
  try {
    parsed = fontkit.create(readFileSync(path), name);
  } catch (err) {
    throw new DomainException('DOCUMENT_FONTS_MISSING', '文书字体未安装，暂时无法生成文书，请联系系统管理员（安装 fonts-noto-cjk）',
      HttpStatus.SERVICE_UNAVAILABLE, { path, error: (err as Error).message });
  }
  if (!parsed || parsed.postscriptName !== name) {
    throw new DomainException('DOCUMENT_FONTS_MISSING', `字体文件 ${path} 中没有 ${name}`, HttpStatus.SERVICE_UNAVAILABLE, { path });
  }
  loaded.set(face, parsed);
  return parsed;
}
