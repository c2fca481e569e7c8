import { createHash } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { AuthUser } from '../auth/role';
import type { AppEnv } from '../config/env.schema';
import { uploadMissing, uploadNotFound, uploadType } from './upload.errors';

/** Accepted evidence, told apart by content (magic bytes), not by the name the browser sends. */
const SIGNATURES: { mime: string; ext: string[]; magic: number[] }[] = [
  { mime: 'application/pdf', ext: ['pdf'], magic: [0x25, 0x50, 0x44, 0x46] },
  { mime: 'image/png', ext: ['png'], magic: [0x89, 0x50, 0x4e, 0x47] },
  { mime: 'image/jpeg', ext: ['jpg', 'jpeg'], magic: [0xff, 0xd8, 0xff] },
  { mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', ext: ['docx'], magic: [0x50, 0x4b, 0x03, 0x04] },
  { mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', ext: ['xlsx'], magic: [0x50, 0x4b, 0x03, 0x04] },
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

  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    config: ConfigService<AppEnv, true>,
  ) {
    this.dir = resolve(config.get('UPLOAD_DIR'));
  }

  async store(file: Express.Multer.File | undefined, user: AuthUser): Promise<UploadedEvidence> {
    if (!file) throw uploadMissing();
    const name = Buffer.from(file.originalname, 'latin1').toString('utf8'); // multer decodes names as latin1
    const ext = name.split('.').pop()?.toLowerCase() ?? '';
    const kind = SIGNATURES.find((s) => s.ext.includes(ext) && s.magic.every((b, i) => file.buffer[i] === b));
    if (!kind) throw uploadType();
    const sha256 = createHash('sha256').update(file.buffer).digest('hex');
    const folder = join(this.dir, sha256.slice(0, 2));
    await mkdir(folder, { recursive: true });
    await writeFile(join(folder, sha256), file.buffer, { flag: 'w' });
    const [row] = await this.ds.query(
      `INSERT INTO uploads (uscc, sha256, size_bytes, mime, original_name, uploaded_by) VALUES ($1,$2,$3,$4,$5,$6) RETURNING id`,
      [user.uscc, sha256, file.size, kind.mime, name, user.id]);
    return { id: row.id, sha256, size: file.size, name, mime: kind.mime };
  }

  /** Every file named in a submission must have been uploaded by the same institution. */
  async assertOwned(fileIds: string[], user: AuthUser): Promise<void> {
    if (!fileIds.length) return;
    const [{ n }] = await this.ds.query(`SELECT count(*)::int AS n FROM uploads WHERE id = ANY($1) AND uscc = $2`, [fileIds, user.uscc]);
    if (n !== new Set(fileIds).size) throw uploadNotFound('所附材料不存在或不属于本机构');
  }
}
