/** The credit-review domain's error codes: each typed once here, thrown through DomainException with its Chinese message. */
export enum CreditReviewErrorCode {
  MATTER_NOT_FOUND = 'MATTER_NOT_FOUND',
  PURPOSE_MISMATCH = 'PURPOSE_MISMATCH',
  MATTER_ALREADY_DECIDED = 'MATTER_ALREADY_DECIDED',
  REVIEW_REQUIRED = 'REVIEW_REQUIRED',
  REVIEW_BLOCKS = 'REVIEW_BLOCKS',
  PERSON_BANNED = 'PERSON_BANNED',
}
