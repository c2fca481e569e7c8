/** The reports domain's error codes: each typed once here, thrown through DomainException with its Chinese message. */
export enum ReportErrorCode {
  /** The per-process report gate is full (report-gate.ts); answered 503 with Retry-After. */
  REPORTS_BUSY = 'REPORTS_BUSY',
}
