import { HttpStatus } from '@nestjs/common';
import { Workbook } from 'exceljs';
import { DomainException } from '../common/errors/domain.exception';
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

const wrongType = () =>
  new DomainException(InstitutionErrorCode.IMPORT_FILE_TYPE, '仅支持 Excel（.xlsx）或 UTF-8 编码的 CSV（.csv）文件', HttpStatus.UNSUPPORTED_MEDIA_TYPE);

/**
 * Reads the first worksheet of an .xlsx or a UTF-8 .csv into rows of trimmed text.
 * The kind is decided by name and content together: a renamed .xls or a GBK CSV is refused with a reason
 * rather than producing rows of garbage.
 */
export async function readSheet(file: UploadedSheet): Promise<SheetRow[]> {
  const name = file.originalname.toLowerCase();
  const isZip = file.buffer.subarray(0, 4).equals(ZIP_MAGIC);
  if (name.endsWith('.xlsx') && isZip) return readXlsx(file.buffer);
  if (name.endsWith('.csv') && !isZip && !file.buffer.includes(0)) return parseCsv(decodeUtf8(file.buffer));
  throw wrongType();
}

async function readXlsx(buffer: Buffer): Promise<SheetRow[]> {
  const workbook = new Workbook();
  try {
    // exceljs declares its own global `Buffer` type, narrower than Node's; the bytes are the same.
    await workbook.xlsx.load(buffer as unknown as Parameters<typeof workbook.xlsx.load>[0]);
  } catch {
    throw new DomainException(InstitutionErrorCode.IMPORT_FILE_UNREADABLE, 'Excel 文件无法读取，请确认文件未损坏且为 .xlsx 格式', HttpStatus.BAD_REQUEST);
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) return [];
  const rows: SheetRow[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: string[] = [];
    // cell.text renders numbers, formulas and rich text as the user sees them
    for (let col = 1; col <= row.cellCount; col++) cells.push(row.getCell(col).text.trim());
    rows.push({ row: rowNumber, cells });
  });
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
