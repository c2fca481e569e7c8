import { CallHandler, ExecutionContext, mixin, NestInterceptor, PayloadTooLargeException, Type } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import type { MulterOptions } from '@nestjs/platform-express/multer/interfaces/multer-options.interface';
import { DomainException } from '../errors/domain.exception';
import { CommonErrorCode } from '../errors/common.errors';

/** 10485760 → "10 MB", 524288 → "512 KB": the limit as the person uploading reads it. */
export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${Number((bytes / 1024 / 1024).toFixed(1))} MB`;
  return `${Math.max(1, Math.floor(bytes / 1024))} KB`;
}

/**
 * One file under `field`, at most `maxBytes`. Multer's own refusal of a larger file says only "File too large";
 * this one answers 413 PAYLOAD_TOO_LARGE with the limit, in Chinese and as `details.maxBytes`.
 */
export function SingleFileUpload(field: string, maxBytes: number, options: MulterOptions = {}): Type<NestInterceptor> {
  class LimitedFileInterceptor extends FileInterceptor(field, { ...options, limits: { ...options.limits, fileSize: maxBytes, files: 1 } }) {
    override async intercept(ctx: ExecutionContext, next: CallHandler) {
      try {
        return await super.intercept(ctx, next);
      } catch (err) {
        if (!(err instanceof PayloadTooLargeException)) throw err;
        throw new DomainException(CommonErrorCode.PAYLOAD_TOO_LARGE, `文件超过 ${formatBytes(maxBytes)} 的上限，请压缩或拆分后重新上传`, 413, { maxBytes });
      }
    }
  }
  return mixin(LimitedFileInterceptor);
}
