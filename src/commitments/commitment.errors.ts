/** The commitments domain's error codes: each typed once here, thrown through DomainException with its Chinese message. */
export enum CommitmentErrorCode {
  COMMITMENT_ALREADY_VERIFIED = 'COMMITMENT_ALREADY_VERIFIED',
  COMMITMENT_BROKEN = 'COMMITMENT_BROKEN',
  COMMITMENT_TERM_RUNNING = 'COMMITMENT_TERM_RUNNING',
  COMMITMENT_NOT_FOUND = 'COMMITMENT_NOT_FOUND',
  WRONG_OFFICE = 'WRONG_OFFICE',
  SIGNED_ON_NOT_TODAY = 'SIGNED_ON_NOT_TODAY',
}
