import { HttpStatus } from '@nestjs/common';
import { DomainException } from '../common/errors/domain.exception';

export enum UploadErrorCode {
  UPLOAD_MISSING = 'UPLOAD_MISSING',
  UPLOAD_TYPE = 'UPLOAD_TYPE',
  /** A file named in a submission that was not uploaded, or not by the submitting institution. */
  UPLOAD_NOT_FOUND = 'UPLOAD_NOT_FOUND',
  /** The institution's count or disk quota (UPLOAD_QUOTA_FILES, UPLOAD_QUOTA_BYTES) would be passed. */
  UPLOAD_QUOTA_FILES = 'UPLOAD_QUOTA_FILES',
  UPLOAD_QUOTA_BYTES = 'UPLOAD_QUOTA_BYTES',
}

export const uploadMissing = () => new DomainException(UploadErrorCode.UPLOAD_MISSING, '请选择要上传的文件（字段名 file）');

export const uploadType = () =>
  new DomainException(UploadErrorCode.UPLOAD_TYPE, '只接受 PDF、JPG、PNG、DOCX 或 XLSX 文件，且文件内容须与扩展名一致', HttpStatus.UNSUPPORTED_MEDIA_TYPE);

/** 400, not 404: the request names the file, the route exists. */
export const uploadNotFound = (message: string) => new DomainException(UploadErrorCode.UPLOAD_NOT_FOUND, message, HttpStatus.BAD_REQUEST);
