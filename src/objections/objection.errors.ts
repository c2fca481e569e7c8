import { HttpStatus } from '@nestjs/common';
import { DomainException } from '../common/errors/domain.exception';

/** Objections and correction requests about a credit record (异议与更正), and who may handle them. */
export enum ObjectionErrorCode {
  OBJECTION_NOT_FOUND = 'OBJECTION_NOT_FOUND',
  /** One open objection or correction request per record at a time. */
  OBJECTION_OPEN = 'OBJECTION_OPEN',
  OBJECTION_DECIDED = 'OBJECTION_DECIDED',
  /** A record this bureau determined is decided here (a proposal an approver decides), never referred. */
  DETERMINED_HERE = 'DETERMINED_HERE',
  /** A record another department determined is referred there (谁认定谁修复), never corrected here. */
  DETERMINED_ELSEWHERE = 'DETERMINED_ELSEWHERE',
}

/** Also what an institution hears about another institution's objection. */
export const objectionNotFound = () => new DomainException(ObjectionErrorCode.OBJECTION_NOT_FOUND, '异议不存在', HttpStatus.NOT_FOUND);

export const objectionDecided = () => new DomainException(ObjectionErrorCode.OBJECTION_DECIDED, '该异议已处理完毕', HttpStatus.CONFLICT);
