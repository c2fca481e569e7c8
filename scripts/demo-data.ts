/**
 * Demo accounts and institutions for development; production has none (seed-demo refuses to run there).
 * Passwords follow the password rules (src/auth/password-policy.ts). Staff accounts are enrolled with a fixed TOTP
 * secret (base32) so the demo and scripted checks can sign in: add it to an authenticator app, or print the current
 * code with `node dist/scripts/totp-code.js <secret>`. These secrets are public: development data only.
 */
import type { DataSource } from 'typeorm';
import { DEFAULT_PREFIXES, DEFAULT_RETENTION_YEARS } from '../src/documents/settings/document-settings.service';

export const DEMO_USERS = [
  { username: 'officer1', password: 'Jingban@Haizhou26', totpSecret: '3DKNHN7VX7I6AWLTUD7JFOJFBED2WREY', role: 'officer', displayName: '王经办（校外培训监管科）', officeCode: 'XWPX', uscc: null, enforcementCertNo: '32070320260011' },
  // a penalty is investigated by two officers with enforcement certificates (行政处罚法 art. 42)
  { username: 'officer2', password: 'Diaocha@Haizhou26', totpSecret: 'QATWFZEVL4DNSOMTMJOY5BYSFTHZ5GL4', role: 'officer', displayName: '周经办（校外培训监管科）', officeCode: 'XWPX', uscc: null, enforcementCertNo: '32070320260012' },
  { username: 'approver1', password: 'Shenhe@Haizhou26', totpSecret: 'HL5ZC347HENVTGLY3ZNDTFIXGXKZVT7C', role: 'approver', displayName: '李科长（校外培训监管科）', officeCode: 'XWPX', uscc: null },
  { username: 'manager1', password: 'Fenguan@Haizhou26', totpSecret: 'AVYXXEUQYIM2JT67C56K6F67LUR3I6Q2', role: 'manager', displayName: '赵局长', officeCode: null, uscc: null },
  { username: 'auditor1', password: 'Shenji@Haizhou26', totpSecret: 'YJ2RXMOAHRZLICE55XKCIEXVQHTF5ARA', role: 'auditor', displayName: '孙审计', officeCode: null, uscc: null },
  // penalties (限制从业): legal review (行政处罚法 art. 58), then the head's decision (art. 57)
  { username: 'legal1', password: 'Fazhi@Haizhou26', totpSecret: 'ZGIQK3RCPGMH2QTXHIY3NR7OWSTJ3P7K', role: 'legal', displayName: '钱法制（政策法规科）', officeCode: null, uscc: null },
  { username: 'head1', password: 'Juzhang@Haizhou26', totpSecret: '3LYI5LSNUP6LDFZLYCONYLT3GZTCQ75Q', role: 'head', displayName: '郑局长（局负责人）', officeCode: null, uscc: null },
  { username: 'admin', password: 'Guanli@Haizhou26', totpSecret: '6AL4ZXMS72AH5DOCTWOVGXIHYTDQ7ZSM', role: 'admin', displayName: '系统管理员', officeCode: null, uscc: null },
  // policy and calendar changes need a second administrator's approval (four eyes, docs/four-eyes.md)
  { username: 'admin2', password: 'Fuhe@Haizhou26', totpSecret: 'MS245HZDEQTLO5NAH2CMXUZOB2TPOEQW', role: 'admin', displayName: '系统管理员（复核）', officeCode: null, uscc: null },
  // an institution's second factor is its own choice: the demo account has none
  { username: 'inst1', password: 'Qimingxing@2026', totpSecret: null, role: 'institution', displayName: '启明星培训学校', officeCode: null, uscc: '52320700MJ58463813' },
] as const;

export const DEMO_INSTITUTIONS = [
  { uscc: '52320700MJ58463813', name: '连云港市海州区启明星培训学校', type: 'off_campus_training', rep: '陈明', id: '320706198503124417', office: 'XWPX' },
  { uscc: '52320700MJ41792535', name: '连云港市海州区博学艺术培训中心', type: 'off_campus_training', rep: '刘芳', id: '320703199007081222', office: 'XWPX' },
  { uscc: '123207004660123453', name: '连云港市海州区实验小学', type: 'primary_school', rep: '张伟', id: '320703197811203316', office: 'JCJY' },
  { uscc: '52320700MJ3068154T', name: '连云港市海州区阳光幼儿园', type: 'kindergarten', rep: '周静', id: '320705198802152825', office: 'JCJY' },
  { uscc: '52320700MJ72904169', name: '连云港市海州区育才民办学校', type: 'private_school', rep: '吴强', id: '320706197604300518', office: 'MBJY' },
];

/** The bureau as its documents name it (admin-editable afterwards under 文书设置); the code is a demo value. */
export const DEMO_DOCUMENT_SETTINGS = {
  issuerName: '连云港市连云区教育局',
  issuerCode: '11320703MB0000000W',
  areaCode: '320703',
  reviewBody: '连云港市连云区人民政府',
  court: '连云港市连云区人民法院',
  contactAddress: '江苏省连云港市连云区教育局（信用监管办公室）',
  contactPhone: '0518-82310000',
  verifyBaseUrl: 'http://127.0.0.1:3000/api/public/documents/verify',
};

/** The bureau's document settings, unless an administrator has set them already (the demo and the bench databases). */
export async function insertDemoDocumentSettings(ds: DataSource): Promise<void> {
  const d = DEMO_DOCUMENT_SETTINGS;
  await ds.query(
    `INSERT INTO document_settings (id, issuer_name, issuer_code, area_code, number_prefixes, review_body, court, contact_address,
       contact_phone, verify_base_url, retention_years)
     VALUES (1, $1, $2, $3, $4, $5, $6, $7, $8, $9, $10) ON CONFLICT (id) DO NOTHING`,
    [d.issuerName, d.issuerCode, d.areaCode, JSON.stringify(DEFAULT_PREFIXES), d.reviewBody, d.court, d.contactAddress, d.contactPhone,
      d.verifyBaseUrl, JSON.stringify(DEFAULT_RETENTION_YEARS)]);
}

/** inst1's institution signed the 电子送达确认书: its documents are served to its portal inbox on issue. */
export const DEMO_SERVICE_CONSENTS = [
  { uscc: '52320700MJ58463813', signedOn: '2026-01-05', signatory: '陈明', email: 'office@qmx-training.example', mobile: '13805180000' },
];
