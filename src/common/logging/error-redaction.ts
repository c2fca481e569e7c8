import { stdSerializers } from 'pino';
import { maskIdNumbersIn } from '../crypto/mask';

/**
 * What a failed query carries besides its message: the SQL (`query`), the values bound to it (`parameters`: names,
 * sealed ID numbers, addresses…) and the driver's error, whose `detail` and `where` quote the offending row
 * ("Key (id_hmac)=(…) already exists"). None of it may reach the log (brief §1: personal data never logged).
 */
const WITHHELD = ['query', 'parameters', 'driverError', 'detail', 'where', 'internalQuery'] as const;

/** A serialized error with every withheld field replaced, its messages' ID-shaped numbers masked, causes included. */
export function redactError(serialized: unknown, depth = 0): unknown {
  if (!serialized || typeof serialized !== 'object' || depth > 5) return serialized;
  const out: Record<string, unknown> = { ...(serialized as Record<string, unknown>) };
  for (const key of WITHHELD) if (key in out) out[key] = '[redacted]';
  for (const key of ['message', 'stack'] as const) if (typeof out[key] === 'string') out[key] = maskIdNumbersIn(out[key] as string);
  if (out.cause) out.cause = redactError(out.cause, depth + 1);
  if (Array.isArray(out.aggregateErrors)) out.aggregateErrors = out.aggregateErrors.map((e) => redactError(e, depth + 1));
  return out;
}

/** pino's own error serializer (type, message, stack, own fields, cause), then redacted. */
export const errSerializer = (err: unknown): unknown =>
  redactError(err instanceof Error ? stdSerializers.err(err) : err);
