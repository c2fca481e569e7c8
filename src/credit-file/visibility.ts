import type { AuthUser } from '../auth/role';
import { institutionNotFound } from '../institutions/institution.errors';

/** An institution account sees only its own file; for any other USCC it gets the 404 of a missing institution. */
export function assertVisibleTo(uscc: string, user: AuthUser): string {
  const normalised = uscc.trim().toUpperCase();
  if (user.role === 'institution' && user.uscc?.toUpperCase() !== normalised) {
    throw institutionNotFound();
  }
  return normalised;
}
