import type { AuthUser } from '../auth/role';
import { notFound } from '../common/errors/domain.exception';

/** An institution account sees only its own file; for any other USCC it gets the 404 of a missing institution. */
export function assertVisibleTo(uscc: string, user: AuthUser): string {
  const normalised = uscc.trim().toUpperCase();
  if (user.role === 'institution' && user.uscc?.toUpperCase() !== normalised) {
    throw notFound('INSTITUTION_NOT_FOUND', '机构不存在');
  }
  return normalised;
}
