import { createInflateRaw, inflateRawSync } from 'node:zlib';

/** One file of a ZIP container as its central directory declares it. */
export interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  /** What the archive *says* the file inflates to: checked by `inflatedSizeWithin` before anyone trusts it. */
  uncompressedSize: number;
  localHeaderOffset: number;
}

const EOCD_SIGNATURE = 0x06054b50;
const CENTRAL_SIGNATURE = 0x02014b50;
const LOCAL_SIGNATURE = 0x04034b50;
const STORED = 0;
const DEFLATED = 8;

/**
 * The central directory of a ZIP held in memory (DOCX and XLSX are ZIPs), read from its end record without
 * inflating anything, so a container can be judged by its declared sizes before any of it is unpacked.
 * Returns null when the bytes are not a readable ZIP (ZIP64 included: no office file of ours needs it).
 */
export function readZipDirectory(zip: Buffer): ZipEntry[] | null {
  // the end record is the last 22 bytes plus a comment of up to 65,535 bytes
  let eocd = -1;
  for (let i = zip.length - 22; i >= Math.max(0, zip.length - 22 - 0xffff); i--) {
    if (zip.readUInt32LE(i) === EOCD_SIGNATURE) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return null;
  const count = zip.readUInt16LE(eocd + 10);
  let at = zip.readUInt32LE(eocd + 16);
  const entries: ZipEntry[] = [];
  for (let n = 0; n < count; n++) {
    if (at + 46 > zip.length || zip.readUInt32LE(at) !== CENTRAL_SIGNATURE) return null;
    const nameLength = zip.readUInt16LE(at + 28);
    const entry: ZipEntry = {
      method: zip.readUInt16LE(at + 10),
      compressedSize: zip.readUInt32LE(at + 20),
      uncompressedSize: zip.readUInt32LE(at + 24),
      localHeaderOffset: zip.readUInt32LE(at + 42),
      name: zip.toString('utf8', at + 46, at + 46 + nameLength),
    };
    if (entry.compressedSize === 0xffffffff || entry.uncompressedSize === 0xffffffff) return null; // ZIP64
    entries.push(entry);
    at += 46 + nameLength + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
  }
  return entries;
}

/** The compressed bytes of an entry, found through its local header (whose name and extra lengths may differ). */
function compressedBytes(zip: Buffer, e: ZipEntry): Buffer | null {
  const at = e.localHeaderOffset;
  if (at + 30 > zip.length || zip.readUInt32LE(at) !== LOCAL_SIGNATURE) return null;
  const start = at + 30 + zip.readUInt16LE(at + 26) + zip.readUInt16LE(at + 28);
  if (start + e.compressedSize > zip.length) return null;
  return zip.subarray(start, start + e.compressedSize);
}

/** A small entry's content (e.g. `[Content_Types].xml`), refusing to inflate past `maxBytes`; null if absent or unreadable. */
export function readZipEntry(zip: Buffer, entries: ZipEntry[], name: string, maxBytes: number): Buffer | null {
  const e = entries.find((x) => x.name === name);
  if (!e || e.uncompressedSize > maxBytes) return null;
  const data = compressedBytes(zip, e);
  if (!data) return null;
  if (e.method === STORED) return data;
  if (e.method !== DEFLATED) return null;
  try {
    return inflateRawSync(data, { maxOutputLength: maxBytes });
  } catch {
    return null;
  }
}

/**
 * Whether every entry really inflates to no more than it declares: a crafted archive can declare a small size
 * and hold a bomb. Streams each entry through zlib and counts, keeping nothing, so it costs time, not memory.
 */
export async function inflatedSizesWithinDeclared(zip: Buffer, entries: ZipEntry[]): Promise<boolean> {
  for (const e of entries) {
    const data = compressedBytes(zip, e);
    if (!data) return false;
    if (e.method === STORED) {
      if (data.length > e.uncompressedSize) return false;
      continue;
    }
    if (e.method !== DEFLATED || !(await inflatesWithin(data, e.uncompressedSize))) return false;
  }
  return true;
}

function inflatesWithin(data: Buffer, max: number): Promise<boolean> {
  return new Promise((resolve) => {
    let size = 0;
    const inflate = createInflateRaw();
    inflate.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > max) {
        inflate.destroy();
        resolve(false);
      }
    });
    inflate.on('end', () => resolve(size <= max));
    inflate.on('error', () => resolve(false));
    inflate.end(data);
  });
}

/** Office Open XML main parts, as `[Content_Types].xml` must declare them (ECMA-376 Part 2, §10.1.2.2). */
export const OOXML_MAIN_TYPES = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml',
} as const;

/**
 * Whether a ZIP is really the Office document its extension claims: its `[Content_Types].xml` declares the main
 * part of that kind (any ZIP starts with PK\x03\x04; a macro-enabled .xlsm declares another type and is refused).
 */
export function isOoxmlOfKind(zip: Buffer, kind: keyof typeof OOXML_MAIN_TYPES, entries = readZipDirectory(zip)): boolean {
  if (!entries) return false;
  const types = readZipEntry(zip, entries, '[Content_Types].xml', 256 * 1024);
  return !!types && new RegExp(`ContentType\\s*=\\s*"${OOXML_MAIN_TYPES[kind].replace(/[.+]/g, '\\$&')}"`).test(types.toString('utf8'));
}
