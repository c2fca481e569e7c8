/** The 双公示 field sets of brief §5, keyed as the API takes them (src/publicity/dto). */
export type FieldType = 'text' | 'textarea' | 'date' | 'uscc' | 'idNumber' | 'amount' | 'choice' | 'multi';

export interface FieldDef {
  key: string;
  label: string;
  type: FieldType;
  required?: boolean;
  choices?: readonly string[];
  /** A choice whose values are not what the clerk reads. */
  options?: readonly { value: string; label: string }[];
  /** Required only when another field holds a value, e.g. 罚款金额 when 处罚类别 includes 罚款. */
  requiredWhen?: (values: Record<string, unknown>) => boolean;
  span?: 1 | 2;
}

export const SUBJECT_CATEGORIES = ['法人及非法人组织', '自然人', '个体工商户'] as const;
// 教育部令第53号 art. 5
export const PENALTY_CATEGORIES = ['警告', '通报批评', '罚款', '没收违法所得', '没收非法财物', '责令停止招收学员', '责令停止举办', '吊销许可证件', '限制从业', '其他'] as const;
export const PROCEDURES = [{ value: 'general', label: '一般程序' }, { value: 'simple', label: '简易程序（当场作出）' }] as const;
export const LICENCE_CATEGORIES = ['普通', '特许', '认可', '核准', '登记', '其他'] as const;

const subject: FieldDef[] = [
  { key: 'subjectName', label: '行政相对人名称', type: 'text', required: true },
  { key: 'subjectCategory', label: '行政相对人类别', type: 'choice', choices: SUBJECT_CATEGORIES, required: true },
  { key: 'uscc', label: '统一社会信用代码', type: 'uscc', required: true },
  { key: 'legalRepName', label: '法定代表人', type: 'text', required: true },
  { key: 'legalRepIdNumber', label: '法定代表人身份证号', type: 'idNumber' },
];

const authority = (what: string): FieldDef[] => [
  { key: 'authorityName', label: `${what}机关`, type: 'text', required: true },
  { key: 'authorityCode', label: `${what}机关统一社会信用代码`, type: 'uscc', required: true },
  { key: 'sourceUnitName', label: '数据来源单位', type: 'text', required: true },
  { key: 'sourceUnitCode', label: '数据来源单位统一社会信用代码', type: 'uscc', required: true },
];

const has = (key: string, v: string) => (values: Record<string, unknown>) => Array.isArray(values[key]) && (values[key] as string[]).includes(v);

export const PENALTY_FIELDS: FieldDef[] = [
  ...subject,
  { key: 'decisionNo', label: '决定书文号', type: 'text', required: true },
  { key: 'procedure', label: '程序', type: 'choice', options: PROCEDURES, required: true },
  { key: 'violationType', label: '违法行为类型', type: 'text', required: true },
  { key: 'facts', label: '违法事实', type: 'textarea', required: true, span: 2 },
  { key: 'basis', label: '处罚依据', type: 'textarea', required: true, span: 2 },
  { key: 'penaltyCategory', label: '处罚类别', type: 'multi', choices: PENALTY_CATEGORIES, required: true },
  { key: 'content', label: '处罚内容', type: 'textarea', required: true, span: 2 },
  { key: 'fineAmount', label: '罚款金额（万元）', type: 'amount', requiredWhen: has('penaltyCategory', '罚款') },
  { key: 'confiscatedAmount', label: '没收违法所得（万元）', type: 'amount', requiredWhen: has('penaltyCategory', '没收违法所得') },
  { key: 'decisionDate', label: '处罚决定日期', type: 'date', required: true },
  { key: 'validUntil', label: '处罚有效期', type: 'date', required: true },
  // 公示截止期 is computed by the API from the class (国家发展改革委令第36号) and shown before saving
  ...authority('处罚'),
];

export const LICENCE_FIELDS: FieldDef[] = [
  ...subject,
  { key: 'documentName', label: '行政许可决定文书名称', type: 'text', required: true },
  { key: 'documentNo', label: '行政许可决定文书号', type: 'text', required: true },
  { key: 'licenceCategory', label: '许可类别', type: 'choice', choices: LICENCE_CATEGORIES, required: true },
  { key: 'certificateName', label: '许可证书名称', type: 'text', required: true },
  { key: 'licenceNo', label: '许可编号', type: 'text', required: true },
  { key: 'content', label: '许可内容', type: 'textarea', required: true, span: 2 },
  { key: 'decisionDate', label: '许可决定日期', type: 'date', required: true },
  { key: 'validFrom', label: '有效期自', type: 'date', required: true },
  { key: 'validUntil', label: '有效期至', type: 'date', required: true },
  ...authority('许可'),
  { key: 'currentStatus', label: '当前状态', type: 'choice', choices: ['有效', '无效'], required: true },
];

/** The bureau fills in as authority and source unit of its own decisions (its name: `useBureauName`, the document settings). */
export const BUREAU_DEFAULTS = {
  subjectCategory: '法人及非法人组织',
  procedure: 'general',
  currentStatus: '有效',
};
