import { registerDecorator, ValidationOptions } from 'class-validator';

// GB 32100-2015: 31 characters; I, O, S, V, Z are left out because they read like 1, 0, 5, U, 2.
const CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
const SHAPE = /^[0-9A-HJ-NP-RTUW-Y]{18}$/;

/**
 * True when `s` is a well-formed 统一社会信用代码 whose 18th character is the GB 32100-2015 check character.
 * Strict about case: lower-case input is rejected, so normalise (trim, upper-case) at the edge before validating;
 * stored codes are then always in the canonical form that other registries use.
 */
export function isValidUscc(s: string): boolean {
  if (typeof s !== 'string' || !SHAPE.test(s)) return false;
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += CHARSET.indexOf(s[i]) * WEIGHTS[i];
  return CHARSET[(31 - (sum % 31)) % 31] === s[17];
}

/** class-validator constraint `isUscc`; the validation pipe maps it to the code USCC_INVALID. */
export function IsUscc(options?: ValidationOptions): PropertyDecorator {
  return (object: object, propertyName: string | symbol) =>
    registerDecorator({
      name: 'isUscc',
      target: object.constructor,
      propertyName: propertyName as string,
      options: { message: '统一社会信用代码不符合 GB 32100-2015 校验规则', ...options },
      validator: { validate: (value: unknown) => typeof value === 'string' && isValidUscc(value) },
    });
}
