import { maskSubjectName } from '../../../src/common/crypto/mask';
import { idNumberFits } from '../../../src/subjects/id-types';

describe('a natural person as a subject', () => {
  it('masks the name on public pages as 张*明: first and last character kept', () => {
    expect(maskSubjectName('张三明')).toBe('张*明');
    expect(maskSubjectName('欧阳小锋')).toBe('欧**锋');
    expect(maskSubjectName('张三')).toBe('张*');
    expect(maskSubjectName(' 李 ')).toBe('李');
  });

  it('checks a 居民身份证号码 by GB 11643-1999 and other documents by their shape', () => {
    // 11010519491231002X: the standard's own example, check character X
    expect(idNumberFits('身份证', '11010519491231002X')).toBe(true);
    expect(idNumberFits('身份证', '110105194912310021')).toBe(false);
    expect(idNumberFits('护照', 'E12345678')).toBe(true);
    expect(idNumberFits('护照', 'E1234')).toBe(true);
    expect(idNumberFits('护照', 'E-123')).toBe(false);
  });
});
