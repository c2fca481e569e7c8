import { HttpStatus, Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import type { AuthUser } from '../auth/role';
import { DomainException } from '../common/errors/domain.exception';
import { createValidationPipe } from '../common/http/validation.pipe';
import { CreateInstitutionDto } from './dto/create-institution.dto';
import { ImportReportDto, ImportRowResultDto } from './dto/import-report.dto';
import type { SheetRow } from './institution-sheet.reader';
import { institutionTypeFromText } from './institution-type';
import { InstitutionsService } from './institutions.service';
import { InstitutionErrorCode } from './institution.errors';

/** The header row the bureau's template uses; 地址 and 主管科室 may be left out. */
export const IMPORT_HEADERS = {
  uscc: '统一社会信用代码',
  name: '机构名称',
  type: '机构类型',
  legalRepName: '法定代表人',
  legalRepId: '法定代表人身份证号',
  address: '地址',
  office: '主管科室',
} as const;
const REQUIRED: (keyof typeof IMPORT_HEADERS)[] = ['uscc', 'name', 'type', 'legalRepName', 'legalRepId'];

/** How often a running import saves its results so far (its progress, and where a restarted job resumes). */
const PROGRESS_EVERY = 250;
/** Failures of a row whose USCC was valid and first in the file. */
const PASSED_VALIDATION = new Set(['INSTITUTION_EXISTS', 'ROW_WRITE_FAILED']);

type Column = keyof typeof IMPORT_HEADERS;

@Injectable()
export class InstitutionImportService {
  private readonly logger = new Logger(InstitutionImportService.name);
  // The same pipe as the HTTP body, so a row gets exactly the rules and error codes of POST /institutions.
  private readonly pipe = createValidationPipe();

  constructor(
    private readonly institutions: InstitutionsService,
    private readonly audit: AuditService,
    private readonly ds: DataSource,
  ) {}

  /**
   * Creates one institution per valid row of a sheet already read within its limits (institution-sheet.reader.ts);
   * each row is committed on its own, so a bad row never blocks or half-writes a good one, and the report says what
   * happened to every row. `done` holds the results of a run that was interrupted: those rows are not tried again.
   * `progress` is told every PROGRESS_EVERY rows.
   */
  async importRows(
    [header, ...dataRows]: SheetRow[],
    actor: Pick<AuthUser, 'id' | 'role'>,
    done: ImportRowResultDto[] = [],
    progress: (rows: ImportRowResultDto[]) => Promise<void> = async () => undefined,
  ): Promise<ImportReportDto> {
    if (!header) throw new DomainException(InstitutionErrorCode.IMPORT_EMPTY, '文件中没有数据', HttpStatus.BAD_REQUEST);
    const columns = this.locateColumns(header);
    const offices = await this.officeLookup();
    const rows = [...done];
    // a USCC that passed validation in an earlier run still makes a later row with it a duplicate
    const firstRowOf = new Map(done.filter((r) => r.status === 'created' || PASSED_VALIDATION.has(r.code ?? ''))
      .map((r) => [r.uscc, r.row]));
    for (const sheetRow of dataRows.slice(done.length)) {
      rows.push(await this.importRow(sheetRow, columns, offices, firstRowOf, actor));
      if (rows.length % PROGRESS_EVERY === 0) await progress(rows);
    }
    const created = rows.filter((r) => r.status === 'created').length;
    return { total: rows.length, created, failed: rows.length - created, rows };
  }

  private async importRow(
    { row, cells }: SheetRow,
    columns: Record<Column, number | undefined>,
    offices: Map<string, string>,
    firstRowOf: Map<string, number>,
    actor: Pick<AuthUser, 'id' | 'role'>,
  ): Promise<ImportRowResultDto> {
    const cell = (c: Column) => (columns[c] === undefined ? '' : (cells[columns[c]] ?? ''));
    const uscc = cell('uscc').toUpperCase();
    const office = cell('office');
    const plain = {
      uscc,
      name: cell('name'),
      type: institutionTypeFromText(cell('type')),
      legalRepresentative: { name: cell('legalRepName'), idNumber: cell('legalRepId') },
      address: cell('address') || undefined,
      // the column may hold the office's code or its name; an unknown value is refused by the service
      officeCode: office ? (offices.get(office) ?? office) : undefined,
    };
    try {
      const dto: CreateInstitutionDto = await this.pipe.transform(plain, { type: 'body', metatype: CreateInstitutionDto });
      const earlier = firstRowOf.get(dto.uscc);
      if (earlier !== undefined) {
        return failed(row, uscc, 'DUPLICATE_IN_FILE', `统一社会信用代码与第 ${earlier} 行重复`);
      }
      firstRowOf.set(dto.uscc, row);
      await this.institutions.create(dto);
      await this.audit.record({
        actor,
        action: 'institution.create',
        resource: 'institution',
        resourceId: dto.uscc,
        uscc: dto.uscc,
        reason: `批量导入 ${row} 行`,
        outcome: 'ok',
      });
      return { row, uscc: dto.uscc, status: 'created' };
    } catch (err) {
      if (err instanceof DomainException) return failed(row, uscc, err.code, err.message);
      // Earlier rows are already committed, so report this one and go on rather than lose the whole report.
      this.logger.error({ err, row }, 'import row failed unexpectedly');
      return failed(row, uscc, 'ROW_WRITE_FAILED', '该行保存失败，请稍后单独重试');
    }
  }

  private locateColumns(header: SheetRow): Record<Column, number | undefined> {
    const titles = header.cells.map((c) => c.replace(/^\uFEFF/, '').trim());
    const columns = Object.fromEntries(
      Object.entries(IMPORT_HEADERS).map(([key, title]) => [key, titles.includes(title) ? titles.indexOf(title) : undefined]),
    ) as Record<Column, number | undefined>;
    const missing = REQUIRED.filter((c) => columns[c] === undefined).map((c) => IMPORT_HEADERS[c]);
    if (missing.length) {
      throw new DomainException(InstitutionErrorCode.IMPORT_HEADER_INVALID, `表头缺少列：${missing.join('、')}`, HttpStatus.BAD_REQUEST, {
        missing,
        expected: Object.values(IMPORT_HEADERS),
      });
    }
    return columns;
  }

  /** Office name → code, so the sheet may say 校外培训监管科 as people write it. */
  private async officeLookup(): Promise<Map<string, string>> {
    const offices: { code: string; name: string }[] = await this.ds.query('SELECT code, name FROM offices');
    return new Map(offices.map((o) => [o.name, o.code]));
  }
}

function failed(row: number, uscc: string, code: string, message: string): ImportRowResultDto {
  return { row, uscc, status: 'failed', code, message };
}
