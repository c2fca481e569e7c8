import { ApplicationFailure } from '@temporalio/common';
import { DomainException } from '../src/common/errors/domain.exception';

/**
 * A service refusing on a business rule (a `DomainException` answering 4xx: CALENDAR_YEAR_UNKNOWN, POLICY_NOT_FOUND,
 * a record the platform refused for good…) fails the activity as non-retryable, with the exception's code as the
 * failure type and its Chinese message: a retry cannot change the fact, a person must (the workflow blocks the
 * case until resumed). Anything else (the database away, a timeout) stays retryable under the retry policy.
 */
export function businessFailuresFinal<T extends Record<string, (...args: never[]) => Promise<unknown>>>(activities: T): T {
  const wrapped: Record<string, unknown> = {};
  for (const [name, fn] of Object.entries(activities)) {
    // a named function: Temporal registers each activity under its property name, the wrapper keeps it
    wrapped[name] = async (...args: never[]) => {
      try {
        return await fn(...args);
      } catch (err) {
        if (err instanceof DomainException && err.status < 500) {
          throw ApplicationFailure.create({ type: err.code, message: err.message, nonRetryable: true, details: err.details === undefined ? [] : [err.details] });
        }
        throw err;
      }
    };
  }
  return wrapped as T;
}
