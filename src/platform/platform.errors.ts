/** Sharing with the municipal platform: its configuration, its availability, and the submissions it returned. */
export enum PlatformErrorCode {
  PLATFORM_NOT_CONFIGURED = 'PLATFORM_NOT_CONFIGURED',
  PLATFORM_UNAVAILABLE = 'PLATFORM_UNAVAILABLE',
  SUBMISSION_NOT_FOUND = 'SUBMISSION_NOT_FOUND',
  /** Only a record the platform sent back may be edited or submitted again. */
  SUBMISSION_NOT_FIXABLE = 'SUBMISSION_NOT_FIXABLE',
}
