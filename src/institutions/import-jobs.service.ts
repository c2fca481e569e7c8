import { HttpStatus, Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { AuthUser } from '../auth/role';
import { FieldCryptoService } from '../common/crypto/field-crypto.service';
import { DomainException, notFound } from '../common/errors/domain.exception';
import type { ImportJobDto } from './dto/import-job.dto';
import type { ImportReportDto, ImportRowResultDto } from './dto/import-report.dto';
import { InstitutionImportQueue } from './import-job.queue';
import { InstitutionImportService } from './institution-import.service';
import { checkSheetUpload, readSheetRows, SheetKind, UploadedSheet } from './institution-sheet.reader';
import { InstitutionErrorCode } from './institution.errors';

interface ImportRow {
  id: string;
  created_by: string;
  role: AuthUser['role'];
  file_name: string;
  file_kind: SheetKind;
  file_sealed: string | null;
  status: ImportJobDto['status'];
  processed: number;
  total: number | null;
  report: ImportReportDto | { rows: ImportRowResultDto[] } | null;
  error_code: string | null;
  error_message: string | null;
  created_at: Date;
  finished_at: Date | null;
}

const importNotFound = () => notFound(InstitutionErrorCode.IMPORT_NOT_FOUND, '导入任务不存在');

/**
 * Institution imports off the request thread (issue #14 point 5). The API checks what is cheap to check (type,
 * declared unpacked size, content type), stores the file sealed and queues a job; the worker streams the sheet
 * within its limits and creates the rows, saving progress; the submitter polls for the report.
 */
@Injectable()
export class InstitutionImportJobs {
  private readonly logger = new Logger(InstitutionImportJobs.name);

  constructor(
    private readonly ds: DataSource,
    private readonly crypto: FieldCryptoService,
    private readonly queue: InstitutionImportQueue,
    private readonly importer: InstitutionImportService,
  ) {}

  async submit(file: UploadedSheet | undefined, actor: AuthUser): Promise<ImportJobDto> {
    if (!file) throw new DomainException(InstitutionErrorCode.IMPORT_FILE_MISSING, '请选择要导入的文件（表单字段名 file）', HttpStatus.BAD_REQUEST);
    const kind = checkSheetUpload(file);
    const [row]: ImportRow[] = await this.ds.query(
      `INSERT INTO institution_imports (created_by, file_name, file_kind, file_sealed) VALUES ($1, $2, $3, $4)
       RETURNING *, NULL AS role`,
      // multer decodes names as latin1
      [actor.id, Buffer.from(file.originalname, 'latin1').toString('utf8').slice(0, 200), kind, this.crypto.encrypt(file.buffer.toString('base64'))],
    );
    // a queue outage after the insert leaves the row queued; the submitter sees it stay queued and uploads again
    await this.queue.add(row.id);
    return toDto(row);
  }

  /** Only the account that uploaded the file sees its import: anyone else gets the same 404 as for no import. */
  async status(id: string, actor: AuthUser): Promise<ImportJobDto> {
    if (!/^[0-9a-f-]{36}$/i.test(id)) throw importNotFound();
    const [row]: ImportRow[] = await this.ds.query(
      `SELECT *, NULL AS role FROM institution_imports WHERE id = $1 AND created_by = $2`, [id, actor.id]);
    if (!row) throw importNotFound();
    return toDto(row);
  }

  /** The worker's side: one import, resumable (a restarted job skips the rows whose results were saved). */
  async run(id: string): Promise<void> {
    // an UPDATE … RETURNING answers [rows, count] through TypeORM
    const [[row]]: [ImportRow[], number] = await this.ds.query(
      `UPDATE institution_imports i SET status = 'running' FROM users u
        WHERE i.id = $1 AND u.id = i.created_by AND i.status IN ('queued','running') RETURNING i.*, u.role`, [id]);
    if (!row?.file_sealed) return; // finished already: a job added twice
    const actor = { id: row.created_by, role: row.role };
    try {
      const sheet = await readSheetRows(row.file_kind, Buffer.from(this.crypto.decrypt(row.file_sealed), 'base64'));
      await this.ds.query(`UPDATE institution_imports SET total = $2 WHERE id = $1`, [id, Math.max(0, sheet.length - 1)]);
      const report = await this.importer.importRows(sheet, actor, row.report?.rows ?? [], (rows) => this.ds.query(
        `UPDATE institution_imports SET processed = $2, report = $3 WHERE id = $1`, [id, rows.length, JSON.stringify({ rows })]));
      await this.finish(id, 'done', report);
    } catch (err) {
      if (!(err instanceof DomainException)) {
        this.logger.error({ err, importId: id }, 'institution import failed unexpectedly');
        await this.finish(id, 'failed', null, { code: InstitutionErrorCode.IMPORT_FAILED, message: '导入失败，请稍后重新上传' });
        return;
      }
      await this.finish(id, 'failed', null, { code: err.code, message: err.message });
    }
  }

  /** The file goes with the end of the import: it holds ID numbers and is not needed any more. */
  private finish(id: string, status: 'done' | 'failed', report: ImportReportDto | null, error?: { code: string; message: string }) {
    return this.ds.query(
      `UPDATE institution_imports SET status = $2, report = $3, processed = COALESCE($4, processed), error_code = $5,
              error_message = $6, file_sealed = NULL, finished_at = now() WHERE id = $1`,
      [id, status, report ? JSON.stringify(report) : null, report?.total ?? null, error?.code ?? null, error?.message ?? null],
    );
  }
}

function toDto(r: ImportRow): ImportJobDto {
  return {
    id: r.id,
    fileName: r.file_name,
    status: r.status,
    processed: r.processed,
    total: r.total,
    ...(r.status === 'done' && r.report ? { report: r.report as ImportReportDto } : {}),
    ...(r.error_code ? { error: { code: r.error_code, message: r.error_message ?? '' } } : {}),
    createdAt: r.created_at.toISOString(),
    finishedAt: r.finished_at?.toISOString() ?? null,
  };
}
