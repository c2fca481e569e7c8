import { SetMetadata } from '@nestjs/common';
import type { Role } from './role';

export const ACCESS_KEY = 'access';
export const OWN_DATA_KEY = 'access:own-data';
export const DURING_SETUP_KEY = 'access:during-setup';

/** Every route must say who may call it; a route without `@Access` is refused (deny by default). */
export type AccessRule = { public: true } | { roles: Role[] };

export const Access = (...roles: Role[]) => SetMetadata(ACCESS_KEY, { roles } satisfies AccessRule);
export const Public = () => SetMetadata(ACCESS_KEY, { public: true } satisfies AccessRule);

/**
 * The finer half of a rule that admits institution accounts: they may use the route only for their own data, named
 * by this route parameter; another institution's row answers 404 so its existence is not revealed. The guard
 * enforces a foreign `:uscc` itself; for case numbers and ids the service checks the owner. The access matrix test
 * (test/e2e/access-rules.e2e-spec.ts) calls every such route with another institution's real rows.
 */
export const OwnDataOnly = (param: string) => SetMetadata(OWN_DATA_KEY, param);

/**
 * Routes a session may use before it has met its requirements (a forced password change, a staff account's second
 * factor): the ones that meet them, and who-am-I. Every other route answers 403 SETUP_REQUIRED to such a session.
 */
export const DuringSetup = () => SetMetadata(DURING_SETUP_KEY, true);
