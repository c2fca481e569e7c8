import { HttpStatus } from '@nestjs/common';
import { DomainException } from '../errors/domain.exception';

/** The four-eyes guard's refusals (docs/four-eyes.md), whichever domain's record or rule the proposal changes. */
export enum FourEyesErrorCode {
  /** The person who proposed, raised or registered the matter may not also decide it. */
  SAME_PERSON = 'SAME_PERSON',
  /** An officer proposes and an approver decides; a rules change is another administrator's. */
  NOT_DECIDING_ROLE = 'NOT_DECIDING_ROLE',
  /** Only the record's own office proposes and decides about it. */
  OTHER_OFFICE = 'OTHER_OFFICE',
  PROPOSAL_PENDING = 'PROPOSAL_PENDING',
  PROPOSAL_NOT_FOUND = 'PROPOSAL_NOT_FOUND',
  PROPOSAL_DECIDED = 'PROPOSAL_DECIDED',
}

const refused = (code: FourEyesErrorCode, message: string) => new DomainException(code, message, HttpStatus.FORBIDDEN);

export const samePerson = (message: string) => refused(FourEyesErrorCode.SAME_PERSON, message);

export const notDecidingRole = (message: string) => refused(FourEyesErrorCode.NOT_DECIDING_ROLE, message);

export const otherOffice = (message: string) => refused(FourEyesErrorCode.OTHER_OFFICE, message);

export const proposalNotFound = () => new DomainException(FourEyesErrorCode.PROPOSAL_NOT_FOUND, '待审批事项不存在', HttpStatus.NOT_FOUND);
