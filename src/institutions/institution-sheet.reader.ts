import { HttpStatus } from '@nestjs/common';
import { stream as excelStream } from 'exceljs';
import { Readable } from 'node:stream';
import { DomainException } from '../common/errors/domain.exception';
import { inflatedSizesWithinDeclared, isOoxmlOfKind, readZipDirectory } from '../common/files/zip';
import { InstitutionErrorCode } from './institution.errors';

/** The part of a multer upload the import needs (memory storage keeps the bytes in `buffer`). */
export interface UploadedSheet {
  originalname: string;
  mimetype: string;
  size: number;
  buffer: Buffer;
}

/** One line of the sheet: `row` is the number the user sees in Excel (the header is row 1). */
export interface SheetRow {
  row: number;
  cells: string[];
}

const ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);

/** Bounds the work one import does (each row is its own insert); larger lists go in several files. */
export const MAX_IMPORT_ROWS = 5000;
/** The longest field an institution has is 1,000 characters; a longer cell is a mistake or an attack. */
export const MAX_CELL_CHARS = 1000;
/** Our template has 7 columns; cells past this are never looked at. */
const MAX_COLUMNS = 50;
/**
 * What a ≤5 MB .xlsx may unpack to, all its parts together. 5,000 rows of our template take about 2 MB unpacked;
 * a 52 KB file with one 50 MB cell declares 50 MB and is refused before anything is inflated.
 */
export const MAX_UNPACKED_BYTES = 32 * 1024 * 1024;

export type SheetKind = 'xlsx' | 'csv';

const wrongType = () =>
  new DomainException(InstitutionErrorCode.IMPORT_FILE_TYPE, '仅支持 Excel（.xlsx）或 UTF-8 编码的 CSV（.csv）文件', HttpStatus.UNSUPPORTED_MEDIA_TYPE);
const unreadable = () =>
  new DomainException(InstitutionErrorCode.IMPORT_FILE_UNREADABLE, 'Excel 文件无法读取，请确认文件未损坏且为 .xlsx 格式', HttpStatus.BAD_REQUEST);
const tooBigUnpacked = () => new DomainException(InstitutionErrorCode.IMPORT_FILE_TOO_LARGE_UNPACKED,
  `Excel 文件解压后超过 ${MAX_UNPACKED_BYTES / 1024 / 1024} MB，请删除多余的工作表、图片或格式后重新导入`, HttpStatus.BAD_REQUEST,
  { maxUnpackedBytes: MAX_UNPACKED_BYTES });
const tooManyRows = () =>
  new DomainException(InstitutionErrorCode.IMPORT_TOO_MANY_ROWS, `单个文件最多 ${MAX_IMPORT_ROWS} 行，请拆分后导入`, HttpStatus.BAD_REQUEST, { maxRows: MAX_IMPORT_ROWS });
// the cell's content is never echoed: it may be 50 MB, or someone's personal data
const cellTooLong = (row: number, col: number) => new DomainException(InstitutionErrorCode.IMPORT_CELL_TOO_LONG,
  `第 ${row} 行第 ${col} 列的内容超过 ${MAX_CELL_CHARS} 个字符，请检查该单元格`, HttpStatus.BAD_REQUEST, { row, column: col, maxChars: MAX_CELL_CHARS });

/**
 * The checks made while the upload request waits, cheap whatever the file holds: the kind by name and content
 * together (a renamed .xls or a GBK CSV is refused with a reason rather than read as garbage), and for .xlsx the
 * container's declared content type and unpacked size, read from its directory without inflating the sheet.
 */
export function checkSheetUpload(file: UploadedSheet): SheetKind {
  const name = file.originalname.toLowerCase();
  const isZip = file.buffer.subarray(0, 4).equals(ZIP_MAGIC);
  if (name.endsWith('.csv') && !isZip && !file.buffer.includes(0)) {
    decodeUtf8(file.buffer);
    return 'csv';
  }
  if (!name.endsWith('.xlsx') || !isZip) throw wrongType();
  const entries = readZipDirectory(file.buffer);
  if (!entries) throw unreadable();
  if (entries.reduce((sum, e) => sum + e.uncompressedSize, 0) > MAX_UNPACKED_BYTES) throw tooBigUnpacked();
  if (!isOoxmlOfKind(file.buffer, 'xlsx', entries)) throw wrongType();
  return 'xlsx';
}

/**
 * The rows of the first worksheet as trimmed text, at most MAX_IMPORT_ROWS data rows and MAX_CELL_CHARS a cell.
 * Runs in the worker. An .xlsx is streamed (exceljs's WorkbookReader: one row at a time, not the whole workbook)
 * after checking that no part inflates past what the directory declared; reading stops at the first limit passed.
 */
export async function readSheetRows(kind: SheetKind, buffer: Buffer): Promise<SheetRow[]> {
  const rows: SheetRow[] = [];
  const keep = (row: number, cells: string[]) => {
    if (rows.length > MAX_IMPORT_ROWS) throw tooManyRows(); // the header plus 5,000 rows are allowed
    const col = cells.findIndex((c) => c.length > MAX_CELL_CHARS);
    if (col >= 0) throw cellTooLong(row, col + 1);
    rows.push({ row, cells: cells.slice(0, MAX_COLUMNS).map((c) => c.trim()) });
  };
  if (kind === 'csv') {
    for (const r of parseCsv(decodeUtf8(buffer))) keep(r.row, r.cells);
    return rows;
  }
  const entries = readZipDirectory(buffer);
  if (!entries || !(await inflatedSizesWithinDeclared(buffer, entries))) throw unreadable();
  const input = Readable.from([buffer]);
  try {
    const workbook = new excelStream.xlsx.WorkbookReader(input, { worksheets: 'emit', sharedStrings: 'cache', styles: 'ignore', hyperlinks: 'ignore', entries: 'ignore' });
    const sheets = workbook[Symbol.asyncIterator]();
    const first = await sheets.next(); // the first worksheet only
    if (!first.done) {
      for await (const row of first.value) {
        const cells: string[] = [];
        // cell.text renders numbers, formulas and rich text as the user sees them
        for (let col = 1; col <= Math.min(row.cellCount, MAX_COLUMNS + 1); col++) cells.push(row.getCell(col).text);
        if (cells.some((c) => c.trim() !== '')) keep(row.number, cells);
      }
    }
    await sheets.return?.(undefined);
  } catch (err) {
    if (err instanceof DomainException) throw err;
    throw unreadable();
  } finally {
    input.destroy();
  }
  return rows;
}

function decodeUtf8(buffer: Buffer): string {
  try {
    // fatal: a GBK file (what Excel "Save as CSV" gives on a Chinese Windows) is refused, not mangled;
    // the decoder drops a leading BOM by itself.
    return new TextDecoder('utf-8', { fatal: true }).decode(buffer);
  } catch {
    throw new DomainException(InstitutionErrorCode.IMPORT_FILE_ENCODING, 'CSV 文件必须为 UTF-8 编码，请在 Excel 中另存为“CSV UTF-8”', HttpStatus.BAD_REQUEST);
  }
}

/** RFC 4180: quoted fields may hold commas, quotes ("") and line breaks. Blank records are skipped but counted. */
export function parseCsv(text: string): SheetRow[] {
  const rows: SheetRow[] = [];
  let cells: string[] = [];
  let field = '';
  let quoted = false;
  let record = 0;
  const endRecord = () => {
    cells.push(field);
    record++;
    if (cells.some((c) => c.trim() !== '')) rows.push({ row: record, cells: cells.map((c) => c.trim()) });
    cells = [];
    field = '';
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch !== '"') field += ch;
      else if (text[i + 1] === '"') {
        field += '"';
        i++;
      } else quoted = false;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      cells.push(field);
      field = '';
    } else if (ch === '\n') endRecord();
    else if (ch !== '\r') field += ch;
  }
  if (field !== '' || cells.length > 0) endRecord();
  return rows;
}
