import { InitialSchema1764000000000 } from './1764000000000-initial-schema';
import { ReferenceData1764000000001 } from './1764000000001-reference-data';
import { PlatformOutbox1764000000002 } from './1764000000002-platform-outbox';

/** Every migration, in order. Listed explicitly so the same list works from ts (tests) and js (dist). */
export const MIGRATIONS = [InitialSchema1764000000000, ReferenceData1764000000001, PlatformOutbox1764000000002];
