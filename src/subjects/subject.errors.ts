import { HttpStatus } from '@nestjs/common';
import { DomainException, notFound } from '../common/errors/domain.exception';

/** The refusals of subjects and counter intake (docs/subjects.md). The same-person refusal is four eyes' `SAME_PERSON`. */
export enum SubjectErrorCode {
  SUBJECT_NOT_FOUND = 'SUBJECT_NOT_FOUND',
  /** A person's ID number that does not fit its ID type. */
  ID_NUMBER_INVALID_FOR_TYPE = 'ID_NUMBER_INVALID_FOR_TYPE',
  /** A natural person's 双公示 penalty names the person by ID type and number, an institution's by USCC: not both. */
  SUBJECT_IDENTIFIER_MISMATCH = 'SUBJECT_IDENTIFIER_MISMATCH',
  INTAKE_NOT_FOUND = 'INTAKE_NOT_FOUND',
  INTAKE_ALREADY_DECIDED = 'INTAKE_ALREADY_DECIDED',
  /** Only an objection is decided with a reply; a statement is kept with the file. */
  INTAKE_NOT_AN_OBJECTION = 'INTAKE_NOT_AN_OBJECTION',
  RECORD_NOT_OF_SUBJECT = 'RECORD_NOT_OF_SUBJECT',
  MATERIAL_NOT_OF_SUBJECT = 'MATERIAL_NOT_OF_SUBJECT',
}

export const subjectNotFound = () => notFound(SubjectErrorCode.SUBJECT_NOT_FOUND, '主体不存在');

export const subjectFieldInvalid = (code: SubjectErrorCode, field: string, message: string) =>
  new DomainException(code, message, HttpStatus.BAD_REQUEST, { fields: [{ field, message }] });
