export const ROLES = ['officer', 'approver', 'manager', 'institution', 'auditor', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/** Staff of the bureau (everyone but institutions); handy for read routes. */
export const STAFF: Role[] = ['officer', 'approver', 'manager', 'auditor', 'admin'];

export interface AuthUser {
  id: string;
  username: string;
  role: Role;
  officeCode: string | null;
  /** Set only for institution accounts: the one institution this account may see. */
  uscc: string | null;
}
