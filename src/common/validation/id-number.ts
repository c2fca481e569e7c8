import { registerDecorator, ValidationOptions } from 'class-validator';
import { beijingToday } from '../time/beijing';

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK = '10X98765432';
const SHAPE = /^\d{17}[\dX]$/;
// GB/T 2260 province codes, plus 81/82/83 used by residence permits of Hong Kong, Macao and Taiwan residents.
const PROVINCES = new Set([
  11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37, 41, 42, 43, 44, 45, 46,
  50, 51, 52, 53, 54, 61, 62, 63, 64, 65, 71, 81, 82, 83,
]);

const todayDigits = (now: Date) => beijingToday(now).replaceAll('-', '');

function isRealBirthDate(yyyymmdd: string, now: Date): boolean {
  const [y, m, d] = [+yyyymmdd.slice(0, 4), +yyyymmdd.slice(4, 6), +yyyymmdd.slice(6, 8)];
  const date = new Date(Date.UTC(y, m - 1, d));
  const real = date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
  return real && y >= 1900 && yyyymmdd <= todayDigits(now);
}

/**
 * True when `s` is an 18-character 居民身份证号码 (GB 11643-1999): a known province, a real birth date
 * between 1900 and today (Beijing time) and a matching check digit. The check digit X must be upper-case;
 * normalise at the edge, as for USCCs.
 */
export function isValidIdNumber(s: string, now: Date = new Date()): boolean {
  if (typeof s !== 'string' || !SHAPE.test(s)) return false;
  if (!PROVINCES.has(Number(s.slice(0, 2))) || !isRealBirthDate(s.slice(6, 14), now)) return false;
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(s[i]) * WEIGHTS[i];
  return CHECK[sum % 11] === s[17];
}

/** class-validator constraint `isIdNumber`; the validation pipe maps it to the code ID_NUMBER_INVALID. */
export function IsIdNumber(options?: ValidationOptions): PropertyDecorator {
  return (object: object, propertyName: string | symbol) =>
    registerDecorator({
      name: 'isIdNumber',
      target: object.constructor,
      propertyName: propertyName as string,
      options: { message: '居民身份证号码格式或校验位不正确', ...options },
      validator: { validate: (value: unknown) => typeof value === 'string' && isValidIdNumber(value) },
    });
}
