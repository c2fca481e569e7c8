/** Staff and institution accounts as administrators manage them. */
export enum DirectoryErrorCode {
  USERNAME_TAKEN = 'USERNAME_TAKEN',
  /** An administrator may not deactivate or demote their own account: someone must still be able to administer. */
  SELF_LOCKOUT = 'SELF_LOCKOUT',
}
