/** GB 32100-2015: 18 characters from 0-9A-Z without I, O, S, V, Z; the last is a check character. */
const USCC_CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

export function isValidUscc(raw: string): boolean {
  const v = raw.trim().toUpperCase();
  if (!/^[0-9A-HJ-NPQRTUWXY]{18}$/.test(v)) return false;
  const sum = [...v.slice(0, 17)].reduce((s, c, i) => s + USCC_CHARS.indexOf(c) * USCC_WEIGHTS[i], 0);
  return USCC_CHARS[(31 - (sum % 31)) % 31] === v[17];
}

/** GB 11643: 17 digits and a check digit or X. */
export function isValidIdNumber(raw: string): boolean {
  const v = raw.trim().toUpperCase();
  if (!/^\d{17}[\dX]$/.test(v)) return false;
  const w = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...v.slice(0, 17)].reduce((s, c, i) => s + Number(c) * w[i], 0);
  return '10X98765432'[sum % 11] === v[17];
}

export const usccRule = {
  validator: (_: unknown, v?: string) =>
    !v || isValidUscc(v) ? Promise.resolve() : Promise.reject(new Error('统一社会信用代码不正确，请核对 18 位代码')),
};
