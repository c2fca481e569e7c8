import { SetMetadata } from '@nestjs/common';
import type { Role } from './role';

export const ACCESS_KEY = 'access';

/** Every route must say who may call it; a route without `@Access` is refused (deny by default). */
export type AccessRule = { public: true } | { roles: Role[] };

export const Access = (...roles: Role[]) => SetMetadata(ACCESS_KEY, { roles } satisfies AccessRule);
export const Public = () => SetMetadata(ACCESS_KEY, { public: true } satisfies AccessRule);
