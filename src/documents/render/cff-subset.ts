/**
 * The embedded font subset without subroutines. fontkit subsets a CFF font by keeping every subroutine index at its
 * full length (unused entries as a one-byte `return`) so the glyphs' calls keep their numbers: Noto Serif CJK SC has
 * 3,241 global subroutines and 24,684 + 26,095 local ones in its two ideograph font dicts, so every document built
 * and encoded an index of ~54,000 entries and deflated it — three quarters of a document's rendering time and most
 * of its bytes, whatever the document said (bench/documents.bench.ts, issue #15). Here each glyph's charstring has
 * its subroutine calls inlined once per process (cached by glyph id) and the subset carries no subroutines at all:
 * the same outlines and hints, drawn identically, in a font program of a few kilobytes.
 */

/** The parts of fontkit's CFF table and subset this reads (fontkit 2 ships no types). */
interface CffIndexEntry { offset: number; length: number }
interface CffPrivate { Subrs?: CffIndexEntry[] | null; [k: string]: unknown }
interface CffFontDict { Private?: CffPrivate | null; FontName?: unknown; [k: string]: unknown }
export interface CffTable {
  isCIDFont: boolean;
  version: number;
  stream: { buffer: Uint8Array };
  globalSubrIndex: CffIndexEntry[];
  topDict: { CharStrings: CffIndexEntry[]; FDArray: CffFontDict[] };
  fdForGlyph(gid: number): number | null;
  privateDictForGlyph(gid: number): CffPrivate | null;
}
export interface CffSubset {
  glyphs: number[];
  charstrings: Uint8Array[];
  gsubrs: Uint8Array[];
  subsetCharstrings(): void;
  subsetFontdict(topDict: Record<string, unknown>): void;
}

/** Type 2 charstring operators (Adobe TN 5177) this needs to tell apart. */
const OP = { hstem: 1, vstem: 3, callsubr: 10, return: 11, escape: 12, endchar: 14, hstemhm: 18, hintmask: 19, cntrmask: 20, vstemhm: 23, shortint: 28, callgsubr: 29 };
/** The escaped operators that only draw (flex); any other (arithmetic, storage) could compute a subroutine number. */
const FLEX = new Set([34, 35, 36, 37]);

/** TN 5177 4.7: the bias added to a subroutine number. */
const bias = (count: number): number => (count < 1240 ? 107 : count < 33900 ? 1131 : 32768);

/** An integer operand as TN 5177 3.2 encodes it (the 16.16 form never numbers a subroutine). */
function operandValue(b: Uint8Array, at: number): number {
  const b0 = b[at];
  if (b0 === OP.shortint) return ((b[at + 1] << 24) >> 16) | b[at + 2];
  if (b0 <= 246) return b0 - 139;
  if (b0 <= 250) return (b0 - 247) * 256 + b[at + 1] + 108;
  if (b0 <= 254) return -(b0 - 251) * 256 - b[at + 1] - 108;
  throw new Error('fixed-point subroutine number');
}

const operandLength = (b0: number): number => (b0 === OP.shortint ? 3 : b0 <= 246 ? 1 : b0 <= 254 ? 2 : 5);

/** One glyph's charstring with every callsubr / callgsubr replaced by the subroutine's body. */
export function flattenCharString(cff: CffTable, gid: number): Uint8Array {
  const buf = cff.stream.buffer;
  const gsubrs = cff.globalSubrIndex ?? [];
  const subrs = cff.privateDictForGlyph(gid)?.Subrs ?? [];
  const out: number[] = [];
  let operands: number[] = []; // where each operand on the stack starts in `out`
  let stems = 0;
  let ended = false;
  const run = (start: number, end: number, depth: number): void => {
    if (depth > 10) throw new Error('subroutines nested deeper than 10'); // TN 5177 appendix B
    let pos = start;
    while (pos < end && !ended) {
      const b0 = buf[pos];
      if (b0 >= 32 || b0 === OP.shortint) {
        const len = operandLength(b0);
        operands.push(out.length);
        for (let i = 0; i < len; i++) out.push(buf[pos + i]);
        pos += len;
        continue;
      }
      pos += 1;
      if (b0 === OP.callsubr || b0 === OP.callgsubr) {
        const at = operands.pop();
        if (at === undefined) throw new Error('subroutine call without a number');
        const index = operandValue(Uint8Array.from(out.slice(at)), 0) + bias((b0 === OP.callsubr ? subrs : gsubrs).length);
        out.length = at;
        const subr = (b0 === OP.callsubr ? subrs : gsubrs)[index];
        if (!subr) throw new Error(`no subroutine ${index}`);
        run(subr.offset, subr.offset + subr.length, depth + 1);
        continue;
      }
      if (b0 === OP.return) return;
      out.push(b0);
      if (b0 === OP.endchar) {
        ended = true;
        return;
      }
      if (b0 === OP.escape) {
        if (!FLEX.has(buf[pos])) throw new Error(`escaped operator 12 ${buf[pos]}`);
        out.push(buf[pos]);
        pos += 1;
      } else if (b0 === OP.hstem || b0 === OP.vstem || b0 === OP.hstemhm || b0 === OP.vstemhm || b0 === OP.hintmask || b0 === OP.cntrmask) {
        stems += operands.length >> 1; // an odd count carries the width first (TN 5177 4.1); a mask's operands are vstems
        if (b0 === OP.hintmask || b0 === OP.cntrmask) {
          const bytes = (stems + 7) >> 3;
          for (let i = 0; i < bytes; i++) out.push(buf[pos + i]);
          pos += bytes;
        }
      }
      operands = [];
    }
  };
  const cs = cff.topDict.CharStrings[gid];
  run(cs.offset, cs.offset + cs.length, 0);
  return Uint8Array.from(out);
}

/**
 * Makes `subset` (fontkit's CFFSubset of a CID-keyed font) write flattened charstrings and no subroutines. A glyph
 * that cannot be flattened (an arithmetic operator, say) leaves that document to fontkit's own subsetting.
 */
export function withoutSubroutines(subset: CffSubset, cff: CffTable, cache: Map<number, Uint8Array>): CffSubset {
  if (!cff.isCIDFont || cff.version >= 2) return subset;
  const own = { charstrings: subset.subsetCharstrings, fontdict: subset.subsetFontdict };
  let flat = true;
  subset.subsetCharstrings = function (this: CffSubset) {
    try {
      this.charstrings = this.glyphs.map((gid) => {
        let cs = cache.get(gid);
        if (!cs) cache.set(gid, (cs = flattenCharString(cff, gid)));
        return cs;
      });
      this.gsubrs = [];
    } catch {
      flat = false;
      own.charstrings.call(this);
    }
  };
  subset.subsetFontdict = function (this: CffSubset, topDict: Record<string, unknown>) {
    if (!flat) return own.fontdict.call(this, topDict);
    const fdArray: CffFontDict[] = [];
    const fds: number[] = [];
    const used = new Map<number, number>();
    for (const gid of this.glyphs) {
      const fd = cff.fdForGlyph(gid);
      if (fd == null) continue;
      if (!used.has(fd)) {
        const dict: CffFontDict = { ...cff.topDict.FDArray[fd] };
        delete dict.FontName;
        if (dict.Private) dict.Private = { ...dict.Private, Subrs: null };
        used.set(fd, fdArray.push(dict) - 1);
      }
      fds.push(used.get(fd)!);
    }
    topDict.FDArray = fdArray;
    topDict.FDSelect = { version: 0, fds };
  };
  return subset;
}
