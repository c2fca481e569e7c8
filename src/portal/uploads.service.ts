import { createHash } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { AuthUser } from '../auth/role';
import { DomainException } from '../common/errors/domain.exception';
import { formatBytes } from '../common/http/single-file-upload';
import { isOoxmlOfKind } from '../common/files/zip';
import { type AppEnv, validateEnv } from '../config/env.schema';
import { UploadErrorCode, uploadMissing, uploadNotFound, uploadType } from './upload.errors';

/** Accepted evidence, told apart by content (magic bytes), not by the name the browser sends. */
const SIGNATURES: { mime: string; ext: string[]; magic: number[]; ooxml?: 'docx' | 'xlsx' }[] = [
  { mime: 'application/pdf', ext: ['pdf'], magic: [0x25, 0x50, 0x44, 0x46] },
  { mime: 'image/png', ext: ['png'], magic: [0x89, 0x50, 0x4e, 0x47] },
  { mime: 'image/jpeg', ext: ['jpg', 'jpeg'], magic: [0xff, 0xd8, 0xff] },
  { mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', ext: ['docx'], magic: [0x50, 0x4b, 0x03, 0x04], ooxml: 'docx' },
  { mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', ext: ['xlsx'], magic: [0x50, 0x4b, 0x03, 0x04], ooxml: 'xlsx' },
];

export interface UploadedEvidence {
  id: string;
  sha256: string;
  size: number;
  name: string;
  mime: string;
}

/** Evidence files live on disk outside any web root, named by their SHA-256; the database keeps who sent what. */
@Injectable()
export class UploadsService {
  private readonly dir: string;
  private readonly quota: { files: number; bytes: number };

  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    config: ConfigService<AppEnv, true>,
  ) {
    this.dir = resolve(config.get('UPLOAD_DIR'));
    // read when the app starts (not from the config cache made at import), as the other settings of its kind
    const env = validateEnv(process.env);
    this.quota = { files: env.UPLOAD_QUOTA_FILES, bytes: env.UPLOAD_QUOTA_BYTES };
  }

  /**
   * `subjectId`: material an officer scanned for a natural person, who has no portal (counter intake, issue #19);
   * the quota is then the person's, not the officer's institution's (staff have none).
   */
  async store(file: Express.Multer.File | undefined, user: AuthUser, subjectId: string | null = null): Promise<UploadedEvidence> {
    const owner = subjectId ? `subject:${subjectId}` : user.uscc;
    if (!file) throw uploadMissing();
    const name = Buffer.from(file.originalname, 'latin1').toString('utf8'); // multer decodes names as latin1
    const ext = name.split('.').pop()?.toLowerCase() ?? '';
    const kind = SIGNATURES.find((s) => s.ext.includes(ext) && s.magic.every((b, i) => file.buffer[i] === b)
      // any ZIP starts with PK\x03\x04: an office file must also declare its kind inside the container
      && (!s.ooxml || isOoxmlOfKind(file.buffer, s.ooxml)));
    if (!kind) throw uploadType();
    const sha256 = createHash('sha256').update(file.buffer).digest('hex');
    const id = await this.ds.transaction(async (m) => {
      // one institution's uploads one at a time, so two at once cannot both fit in the last free place
      await m.query(`SELECT pg_advisory_xact_lock(hashtext('uploads:' || $1))`, [owner]);
      const [used]: { files: number; bytes: string }[] = await m.query(
        `SELECT count(*)::int AS files, COALESCE(sum(size_bytes), 0)::bigint AS bytes FROM uploads
          WHERE CASE WHEN $2::uuid IS NULL THEN uscc = $1 ELSE subject_id = $2 END`, [user.uscc, subjectId]);
      this.assertWithinQuota(used.files, Number(used.bytes), file.size);
      const [row]: { id: string }[] = await m.query(
        `INSERT INTO uploads (uscc, sha256, size_bytes, mime, original_name, uploaded_by, subject_id) VALUES ($1,$2,$3,$4,$5,$6,$7) RETURNING id`,
        [subjectId ? null : user.uscc, sha256, file.size, kind.mime, name, user.id, subjectId]);
      // written inside the transaction: a disk that refuses the file leaves no row pointing at nothing
      const folder = join(this.dir, sha256.slice(0, 2));
      await mkdir(folder, { recursive: true });
      await writeFile(join(folder, sha256), file.buffer, { flag: 'w' });
      return row.id;
    });
    return { id, sha256, size: file.size, name, mime: kind.mime };
  }

  /** UPLOAD_QUOTA_FILES and UPLOAD_QUOTA_BYTES per institution: a disk shared by every institution is not one's to fill. */
  private assertWithinQuota(files: number, bytes: number, size: number): void {
    if (files + 1 > this.quota.files) {
      throw new DomainException(UploadErrorCode.UPLOAD_QUOTA_FILES, `本机构已上传 ${files} 个文件，达到 ${this.quota.files} 个的上限，请联系主管科室`, 413,
        { used: files, limit: this.quota.files });
    }
    if (bytes + size > this.quota.bytes) {
      throw new DomainException(UploadErrorCode.UPLOAD_QUOTA_BYTES,
        `本机构上传的文件已占用 ${formatBytes(bytes)}，加上此文件将超过 ${formatBytes(this.quota.bytes)} 的上限，请联系主管科室`, 413,
        { usedBytes: bytes, limitBytes: this.quota.bytes });
    }
  }

  /** Every file named in a submission must have been uploaded by the same institution. */
  async assertOwned(fileIds: string[], user: AuthUser): Promise<void> {
    if (!fileIds.length) return;
    const [{ n }] = await this.ds.query(`SELECT count(*)::int AS n FROM uploads WHERE id = ANY($1) AND uscc = $2`, [fileIds, user.uscc]);
    if (n !== new Set(fileIds).size) throw uploadNotFound('所附材料不存在或不属于本机构');
  }
}
