import { applyDecorators, StreamableFile } from '@nestjs/common';
import { ApiOkResponse, ApiProduces } from '@nestjs/swagger';
import type { DocumentFile } from '../document-reads.service';

/** A document file as the answer: named in UTF-8 (RFC 6266 / 5987), never cached (it carries an institution's data). */
export function fileResponse(file: DocumentFile, disposition: 'inline' | 'attachment'): StreamableFile {
  const ascii = file.filename.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return new StreamableFile(file.bytes, {
    type: file.contentType,
    length: file.bytes.length,
    disposition: `${disposition}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(file.filename)}`,
  });
}

/** The OpenAPI description of a binary answer. */
export const ApiFile = (contentType: string, description: string) => applyDecorators(
  ApiProduces(contentType),
  ApiOkResponse({ description, content: { [contentType]: { schema: { type: 'string', format: 'binary' } } } }),
);
