import { HttpStatus } from '@nestjs/common';
import { DomainException } from '../common/errors/domain.exception';

export enum DocumentErrorCode {
  DOCUMENT_NOT_FOUND = 'DOCUMENT_NOT_FOUND',
}

/** Also what a party hears about a document not issued to it. */
export const documentNotFound = (message = '文书不存在') =>
  new DomainException(DocumentErrorCode.DOCUMENT_NOT_FOUND, message, HttpStatus.NOT_FOUND);
