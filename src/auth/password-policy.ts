import { dictionary } from '@zxcvbn-ts/language-common';

/**
 * Passwords for every account, staff and institutions alike (GB/T 22239-2019 level 3, 8.1.4.1 a: 身份鉴别信息具有
 * 复杂度要求): at least 12 characters from at least three of four classes, not containing the username, and not a
 * common password. The deny-list is zxcvbn-ts's list of the ~49,000 passwords most found in public breaches
 * (@zxcvbn-ts/language-common, "passwords-common"), checked as typed and with the digits and symbols stripped from
 * both ends, so `Password2026!` is refused like `password`.
 */
export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 128;

let common: Set<string> | undefined;
const commonPasswords = () => (common ??= new Set(dictionary['passwords-common']));

const CLASSES: [RegExp, string][] = [[/[a-z]/, '小写字母'], [/[A-Z]/, '大写字母'], [/\d/, '数字'], [/[^A-Za-z\d]/, '符号']];

export interface PasswordProblem {
  code: 'TOO_SHORT' | 'TOO_LONG' | 'TOO_SIMPLE' | 'CONTAINS_USERNAME' | 'COMMON';
  message: string;
}

/** Every reason the password is refused, in the order a person would fix them; empty when it is acceptable. */
export function passwordProblems(password: string, username: string): PasswordProblem[] {
  const problems: PasswordProblem[] = [];
  if ([...password].length < PASSWORD_MIN_LENGTH) problems.push({ code: 'TOO_SHORT', message: `至少 ${PASSWORD_MIN_LENGTH} 位` });
  if (password.length > PASSWORD_MAX_LENGTH) problems.push({ code: 'TOO_LONG', message: `不超过 ${PASSWORD_MAX_LENGTH} 位` });
  const classes = CLASSES.filter(([re]) => re.test(password)).length;
  if (classes < 3 || new Set(password).size < 5) {
    problems.push({ code: 'TOO_SIMPLE', message: `须包含${CLASSES.map(([, name]) => name).join('、')}中的至少三类，且不能由少数字符重复组成` });
  }
  const lower = password.toLowerCase();
  const name = username.trim().toLowerCase();
  if (name.length >= 3 && lower.includes(name)) problems.push({ code: 'CONTAINS_USERNAME', message: '不能包含用户名' });
  const core = lower.replace(/^[^a-z]+|[^a-z]+$/g, '');
  if (commonPasswords().has(lower) || (core.length >= 4 && commonPasswords().has(core))) {
    problems.push({ code: 'COMMON', message: '不能使用常见密码或在常见密码前后加数字、符号' });
  }
  return problems;
}
