import { registerDecorator, ValidationOptions } from 'class-validator';

/**
 * True when `value` is a finite number with at most `places` decimal places. Decided on the number's own
 * value, not its text: class-validator's `IsNumber({ maxDecimalPlaces })` splits `String(value)` at the point and
 * throws on exponent notation (`5e-324`), which the API would answer with a 500.
 */
export function hasAtMostPlaces(value: unknown, places: number): value is number {
  if (typeof value !== 'number' || !Number.isFinite(value)) return false;
  // the number a person typed with that many places round-trips through toFixed; 5e-324 or 1.005 do not
  return Number(value.toFixed(places)) === value;
}

/** class-validator constraint `isAmount`: a number with at most `places` decimal places (money in 元 or 万元). */
export function IsAmount(places: number, options?: ValidationOptions): PropertyDecorator {
  return (object: object, propertyName: string | symbol) =>
    registerDecorator({
      name: 'isAmount',
      target: object.constructor,
      propertyName: propertyName as string,
      constraints: [places],
      options: { message: `金额必须是数字，最多 ${places} 位小数`, ...options },
      validator: { validate: (value: unknown) => hasAtMostPlaces(value, places) },
    });
}
