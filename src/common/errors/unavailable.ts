import { ServiceError, WorkflowUpdateRPCTimeoutOrCancelledError, isGrpcServiceError } from '@temporalio/client';

/** What a request could not reach. `case-busy`: the case's workflow did not answer in time (worker down or behind). */
export type Unavailable = 'database' | 'temporal' | 'redis' | 'network' | 'case-busy';

/** PostgreSQL SQLSTATEs of a server shutting down or refusing connections (class 08 and 57P0x). */
const PG_UNAVAILABLE = /^(08\d{3}|57P0[1-3])$/;
const NETWORK = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH']);
const PG_CLIENT_MESSAGES = /Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error/;
/** gRPC UNAVAILABLE (14) and DEADLINE_EXCEEDED (4). */
const GRPC_UNAVAILABLE = new Set([4, 14]);

/**
 * Tells an outage of a service the API depends on from a fault of our own, so that the user reads "try again in a
 * moment" (503) instead of "contact the administrator" (500). Looks through `cause` and TypeORM's `driverError`.
 */
export function unavailableDependency(e: unknown, depth = 0): Unavailable | null {
  // Duck-typed, not `instanceof Error`: Node's own socket errors may come from another realm (vm contexts, workers).
  if (typeof e !== 'object' || e === null || typeof (e as Error).message !== 'string' || depth > 4) return null;
  if (e instanceof WorkflowUpdateRPCTimeoutOrCancelledError) return 'case-busy';
  return unavailableError(e as Error) ?? unavailableDependency((e as { driverError?: unknown }).driverError ?? (e as { cause?: unknown }).cause, depth + 1);
}

function unavailableError(e: Error): Unavailable | null {
  // ioredis' own errors, by name and exact message (its error classes are not exported at the package's top)
  if (e.name === 'MaxRetriesPerRequestError' || e.message === 'Connection is closed.') return 'redis';
  if (e instanceof ServiceError || isGrpcServiceError(e)) {
    const code = (isGrpcServiceError(e) ? e : (e.cause as { code?: number } | undefined))?.code;
    if (code !== undefined && GRPC_UNAVAILABLE.has(code)) return 'temporal';
  }
  const { code } = e as { code?: unknown };
  if (typeof code === 'string' && PG_UNAVAILABLE.test(code)) return 'database';
  if (typeof code === 'string' && NETWORK.has(code)) return 'network'; // a socket to one of them (pg, most often)
  if (PG_CLIENT_MESSAGES.test(e.message)) return 'database';
  return null;
}

