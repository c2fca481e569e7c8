import { ValidationError, ValidationPipe } from '@nestjs/common';
import { DomainException } from '../errors/domain.exception';

/**
 * Constraint names that carry their own machine code, so clients can tell a bad USCC
 * from a generally malformed body. Everything else is VALIDATION_FAILED.
 */
const CONSTRAINT_CODES: Record<string, string> = {
  isUscc: 'USCC_INVALID',
  isIdNumber: 'ID_NUMBER_INVALID',
};

interface FieldError {
  field: string;
  constraint: string;
  message: string;
}

function flatten(errors: ValidationError[], parent = ''): FieldError[] {
  return errors.flatMap((e) => {
    const field = parent ? `${parent}.${e.property}` : e.property;
    const own = Object.entries(e.constraints ?? {}).map(([constraint, message]) => ({
      field,
      constraint,
      message: constraint === 'whitelistValidation' ? `不允许的字段：${field}` : message,
    }));
    return [...own, ...flatten(e.children ?? [], field)];
  });
}

export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    exceptionFactory: (errors) => {
      const fields = flatten(errors);
      // a field with its own code (a bad USCC) names the error; the message is that field's
      const first = fields.find((f) => CONSTRAINT_CODES[f.constraint]) ?? fields[0];
      const code = (first && CONSTRAINT_CODES[first.constraint]) ?? 'VALIDATION_FAILED';
      return new DomainException(code, first?.message ?? '请求参数不正确', 400, { fields });
    },
  });
}
