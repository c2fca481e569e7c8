/** 320102199001011234 → 3201**********1234: enough to recognise, not enough to misuse. */
export function maskIdNumber(id: string): string {
  if (id.length <= 8) return '*'.repeat(id.length);
  return `${id.slice(0, 4)}${'*'.repeat(id.length - 8)}${id.slice(-4)}`;
}

/** 张三丰 → 张** ; keeps the surname only. */
export function maskName(name: string): string {
  return name.length <= 1 ? name : `${name[0]}${'*'.repeat(name.length - 1)}`;
}

/**
 * A natural person named as the subject of a public record (issue #19): 张三明 → 张*明, 欧阳小锋 → 欧**锋, 张三 → 张*.
 * The first and last characters stay so the public can tell records apart; the rest is masked.
 */
export function maskSubjectName(name: string): string {
  const chars = [...name.trim()];
  if (chars.length <= 1) return chars.join('');
  if (chars.length === 2) return `${chars[0]}*`;
  return `${chars[0]}${'*'.repeat(chars.length - 2)}${chars[chars.length - 1]}`;
}

/**
 * Anything shaped like an 18-character ID number (17 digits and a digit or X), masked: a URL or query may carry
 * one whatever the routes intend (an old console, a hand-typed link), and the log must not (issue #14 point 6).
 * A USCC made of digits only is masked too; the log loses little by it.
 */
const ID_NUMBER_SHAPE = /(?<![0-9A-Za-z])\d{17}[\dXx](?![0-9A-Za-z])/g;
export const maskIdNumbersIn = (text: string): string => text.replace(ID_NUMBER_SHAPE, (id) => maskIdNumber(id));
