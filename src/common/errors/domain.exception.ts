import { HttpStatus } from '@nestjs/common';

/**
 * A business rule said no. `code` is stable for machines, `message` is Chinese for people.
 * The global filter renders it as `{code, message, details}`.
 */
export class DomainException extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly status: HttpStatus = HttpStatus.BAD_REQUEST,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'DomainException';
  }
}

export const notFound = (code: string, message: string) => new DomainException(code, message, HttpStatus.NOT_FOUND);
export const conflict = (code: string, message: string, details?: unknown) =>
  new DomainException(code, message, HttpStatus.CONFLICT, details);
export const unprocessable = (code: string, message: string, details?: unknown) =>
  new DomainException(code, message, HttpStatus.UNPROCESSABLE_ENTITY, details);
