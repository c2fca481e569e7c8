import { isValidIdNumber } from '../common/validation/id-number';

/** 证件类型 of the national 双公示 field set for a natural person (brief §5); the number is never public. */
export const ID_TYPES = ['身份证', '护照', '港澳居民来往内地通行证', '台湾居民来往大陆通行证', '外国人永久居留身份证'] as const;
export type IdType = (typeof ID_TYPES)[number];

/** A 居民身份证号码 must pass GB 11643-1999; the other documents only their shape (letters and digits, 5–20). */
export function idNumberFits(idType: string, idNumber: string): boolean {
  const id = idNumber.trim().toUpperCase();
  return idType === '身份证' ? isValidIdNumber(id) : /^[A-Z0-9]{5,20}$/.test(id);
}
