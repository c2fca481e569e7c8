import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { HttpStatus } from '@nestjs/common';
import { DomainException } from '../../common/errors/domain.exception';
import { DocumentErrorCode } from '../document.errors';
import { CffSubset, CffTable, withoutSubroutines } from './cff-subset';

interface Glyph {
  advanceWidth: number;
}

/** Unicode variation selectors (VS1–16, VS17–256): fontkit maps them with the character before them. */
const VARIATION_SELECTOR = /[\uFE00-\uFE0F]|\uDB40[\uDD00-\uDDEF]/;

/** The part of a fontkit font pdfkit needs; pdfkit (0.20) embeds a subset of whatever glyphs a document uses. */
export interface LoadedFont {
  layout: (text: string) => unknown;
  glyphsForString: (text: string) => Glyph[];
  createSubset: () => CffSubset;
  postscriptName: string;
  'CFF ': CffTable;
}

// fontkit ships no types; pdfkit depends on the same version.
const fontkit: { create(data: Buffer, postscriptName?: string): LoadedFont } = require('fontkit');

/**
 * The font without OpenType shaping: each character maps to its glyph and advances by the glyph's width. Chinese
 * needs no ligatures, contextual forms or kerning, and shaping through the CJK font's GSUB/GPOS tables was 60% of a
 * document's rendering time (bench/documents.bench.ts). pdfkit reads `glyphs`, `positions` and `advanceWidth`
 * of a run, as fontkit's GlyphRun gives them. Its subsets carry no subroutines (cff-subset.ts), each glyph's
 * flattened charstring made once per process.
 */
function withoutShaping(font: LoadedFont): LoadedFont {
  const flattened = new Map<number, Uint8Array>();
  const createSubset = () => withoutSubroutines(font.createSubset(), font['CFF '], flattened);
  // a document looks up the same few hundred characters again and again (each word is measured to wrap lines)
  const byChar = new Map<string, Glyph>();
  const glyphsOf = (text: string): Glyph[] => {
    if (VARIATION_SELECTOR.test(text)) return font.glyphsForString(text); // a selector changes its base's glyph
    return Array.from(text, (ch) => {
      let g = byChar.get(ch);
      if (!g) byChar.set(ch, (g = font.glyphsForString(ch)[0]));
      return g;
    });
  };
  const layout = (text: string) => {
    const glyphs = glyphsOf(text);
    const positions = glyphs.map((g) => ({ xAdvance: g.advanceWidth, yAdvance: 0, xOffset: 0, yOffset: 0 }));
    return { glyphs, positions, get advanceWidth() { return positions.reduce((sum, p) => sum + p.xAdvance, 0); } };
  };
  // everything else is the font itself, its getters run against it (fontkit caches on the instance)
  return new Proxy(font, { get: (target, prop) => (prop === 'layout' ? layout : prop === 'createSubset' ? createSubset : Reflect.get(target, prop)) });
}

/**
 * Noto Serif CJK SC from Debian's fonts-noto-cjk, which scripts/lib.sh installs (the Dockerfile too): a Song-style
 * face (GB/T 9704 asks for 仿宋 and 小标宋, which no free registry package carries). The collection file holds every
 * CJK variant; the SC member is picked by PostScript name.
 */
const FACE = { file: 'NotoSerifCJK-Regular.ttc', name: 'NotoSerifCJKsc-Regular' } as const;

export const fontDir = (): string => process.env.DOCUMENT_FONT_DIR ?? '/usr/share/fonts/opentype/noto';

let loaded: LoadedFont | undefined;

/**
 * Parsed once per process and shared by every document: parsing the 26 MB collection for each document cost
 * ~400 ms of the 500 ms a notice took (pdfkit accepts a parsed font since 0.20, so the parse is not repeated).
 */
export function font(): LoadedFont {
  if (loaded) return loaded;
  const { file, name } = FACE;
  const path = join(fontDir(), file);
  let parsed: LoadedFont;
  try {
    parsed = fontkit.create(readFileSync(path), name);
  } catch (err) {
    throw new DomainException(DocumentErrorCode.DOCUMENT_FONTS_MISSING, '文书字体未安装，暂时无法生成文书，请联系系统管理员（安装 fonts-noto-cjk）',
      HttpStatus.SERVICE_UNAVAILABLE, { path, error: (err as Error).message });
  }
  if (!parsed || parsed.postscriptName !== name) {
    throw new DomainException(DocumentErrorCode.DOCUMENT_FONTS_MISSING, `字体文件 ${path} 中没有 ${name}`, HttpStatus.SERVICE_UNAVAILABLE, { path });
  }
  loaded = withoutShaping(parsed);
  return loaded;
}
