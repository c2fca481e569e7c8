import { SetMetadata } from '@nestjs/common';

export const AUDIT_KEY = 'audit';

export interface AuditSpec {
  action: 'read' | 'create' | 'update' | 'list' | 'import' | 'transition';
  resource: string;
  /** Route parameter that identifies the resource, e.g. 'uscc' or 'caseNo'. */
  idParam?: string;
}

/** Marks a route that reads or writes credit information: every call is written to the audit log. */
export const Audited = (spec: AuditSpec) => SetMetadata(AUDIT_KEY, spec);
