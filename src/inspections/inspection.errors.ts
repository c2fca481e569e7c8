import { HttpStatus } from '@nestjs/common';
import { DomainException } from '../common/errors/domain.exception';

export enum InspectionErrorCode {
  INSPECTION_PLAN_NOT_FOUND = 'INSPECTION_PLAN_NOT_FOUND',
  NOT_ENOUGH_INSPECTORS = 'NOT_ENOUGH_INSPECTORS',
  INSPECTION_TARGET_NOT_FOUND = 'INSPECTION_TARGET_NOT_FOUND',
  RESULT_ALREADY_RECORDED = 'RESULT_ALREADY_RECORDED',
}

export const inspectionPlanNotFound = (message = '抽查计划不存在') =>
  new DomainException(InspectionErrorCode.INSPECTION_PLAN_NOT_FOUND, message, HttpStatus.NOT_FOUND);
