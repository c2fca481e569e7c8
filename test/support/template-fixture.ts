import type { DocumentSettings } from '../../src/documents/settings/document-settings.service';
import { DEFAULT_PREFIXES } from '../../src/documents/settings/document-settings.service';
import type { CaseFacts, SubjectFacts } from '../../src/documents/templates';

/** A bureau, a case and its two kinds of addressee, for filling templates without a database. */
export const settings: DocumentSettings = {
  issuerName: '连云港市连云区教育局', issuerCode: '11320703MB0000000W', areaCode: '320703', numberPrefixes: DEFAULT_PREFIXES,
  reviewBody: '连云港市连云区人民政府', court: '连云港市连云区人民法院', contactAddress: '江苏省连云港市连云区教育局',
  contactPhone: '0518-82310000', verifyBaseUrl: 'https://verify.example/api/public/documents/verify', retentionYears: {},
  updatedAt: '2026-12-01T00:00:00.000Z',
};
export const caseFacts: CaseFacts = {
  caseNo: 'LY-2026-000001', findings: '该机构于2026年3月起未取得办学许可证，面向中小学生开展学科类培训。', severity: 'serious',
  behaviourCode: 'EDU-001', behaviourTitle: '未取得办学许可开展校外培训', legalBasis: '《民办教育促进法》第十二条', rectificationDays: 30,
  decisionDate: '2026-10-09', repairableFrom: '2027-10-09', publicityUntil: '2029-10-09', officeCode: 'XWPX',
};
export const SUBJECTS: Record<string, SubjectFacts> = {
  institution: { institutionId: 'i-1', uscc: '52320700MJ58463813', name: '连云港市海州区启明星培训学校', address: '江苏省连云港市海州区',
    legalRepName: '陈明' },
  person: { institutionId: null, uscc: null, subjectId: 's-1', idType: '居民身份证', idMasked: '3207**********4417', name: '孙某某',
    address: '江苏省连云港市连云区', legalRepName: '孙某某' },
};
