import { ArgumentMetadata, ValidationError, ValidationPipe } from '@nestjs/common';
import { DomainException } from '../errors/domain.exception';
import { CommonErrorCode, validationFailed } from '../errors/common.errors';

/**
 * Constraint names that carry their own machine code, so clients can tell a bad USCC
 * from a generally malformed body. Everything else is VALIDATION_FAILED.
 */
const CONSTRAINT_CODES: Record<string, string> = {
  isUscc: CommonErrorCode.USCC_INVALID,
  isIdNumber: CommonErrorCode.ID_NUMBER_INVALID,
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

/** U+0000 and a lone surrogate (half of an emoji): PostgreSQL refuses both in text and jsonb alike. */
const UNSTORABLE = /[\u0000\p{Cs}]/u;

/** Where in a request value a string holds a character PostgreSQL cannot store. */
function unstorableAt(value: unknown, path: string, depth = 0): string | null {
  if (typeof value === 'string') return UNSTORABLE.test(value) ? path : null;
  if (depth > 20 || value === null || typeof value !== 'object') return null;
  for (const [key, inner] of Object.entries(value)) {
    const here = path ? `${path}.${key}` : key;
    if (UNSTORABLE.test(key)) return here;
    const found = unstorableAt(inner, here, depth + 1);
    if (found !== null) return found;
  }
  return null;
}

const USCC_SHAPE = /^[0-9A-HJ-NP-RTUW-Y]{18}$/i;

/**
 * class-validator's pipe, plus two checks every route needs and no DTO can express: no character PostgreSQL cannot
 * store anywhere in the input, and a path parameter named `uscc` shaped like one (routes upper-case it and look it up; the check
 * character is theirs to judge, by answering 404).
 */
class AppValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    if (metadata.type !== 'custom') {
      const field = unstorableAt(value, metadata.type === 'body' ? '' : (metadata.data ?? ''));
      if (field !== null) {
        const message = '请求中含有无法保存的字符（空字符 U+0000 或残缺的 Unicode 代理字符），请删除后重试';
        throw validationFailed(message, { fields: [{ field, constraint: 'storableText', message }] });
      }
    }
    if (metadata.type === 'param' && metadata.data === 'uscc' && !(typeof value === 'string' && USCC_SHAPE.test(value))) {
      const message = '统一社会信用代码应为 18 位数字或大写字母';
      throw new DomainException(CommonErrorCode.USCC_INVALID, message, 400, { fields: [{ field: 'uscc', constraint: 'isUscc', message }] });
    }
    return super.transform(value, metadata);
  }
}

export function createValidationPipe(): ValidationPipe {
  return new AppValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    exceptionFactory: (errors) => {
      const fields = flatten(errors);
      // a field with its own code (a bad USCC) names the error; the message is that field's
      const first = fields.find((f) => CONSTRAINT_CODES[f.constraint]) ?? fields[0];
      const code = (first && CONSTRAINT_CODES[first.constraint]) ?? CommonErrorCode.VALIDATION_FAILED;
      return new DomainException(code, first?.message ?? '请求参数不正确', 400, { fields });
    },
  });
}
