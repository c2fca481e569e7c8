import { randomBytes } from 'node:crypto';
import { FieldCryptoService } from '../../../src/common/crypto/field-crypto.service';
import { maskPersonalData, publicPayload, sealPersonalData } from '../../../src/credit-file/personal-data';

const crypto = FieldCryptoService.fromKeyList(`k1:${randomBytes(32).toString('base64')}`);
const ID = '320703198001011234';

describe('personal data in credit records', () => {
  const sealed = sealPersonalData({ legalRepName: '陈明', legalRepIdNumber: ID, persons: [{ name: '王小二', idNumber: ID }] }, crypto);

  it('never stores an ID number in clear', () => {
    expect(JSON.stringify(sealed)).not.toContain(ID);
    expect(sealed).toMatchObject({ legalRepIdEnc: expect.stringMatching(/^k1:/), legalRepIdHmac: crypto.blindIndex(ID) });
    expect((sealed.persons as Record<string, unknown>[])[0]).toHaveProperty('idEnc');
  });

  it('shows staff and the institution the masked number only', () => {
    const masked = maskPersonalData(sealed, crypto);
    expect(masked).toMatchObject({ legalRepName: '陈明', legalRepIdMasked: '3207**********1234' });
    expect(JSON.stringify(masked)).not.toMatch(/IdEnc|IdHmac|320703198001011234/);
  });

  it('shows the public no number in any form and masks persons’ names', () => {
    const shown = publicPayload(maskPersonalData(sealed, crypto));
    expect(shown).toEqual({ legalRepName: '陈*', persons: [{ name: '王**' }] });
  });
});
