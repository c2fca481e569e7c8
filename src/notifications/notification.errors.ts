/** The notifications domain's error codes: each typed once here, thrown through DomainException with its Chinese message. */
export enum NotificationErrorCode {
  NOTIFICATION_NOT_FOUND = 'NOTIFICATION_NOT_FOUND',
}
