/** The publicity API's answers the console reads (src/publicity/dto/publicity-response.dto.ts). */
export type ClassName = 'minor' | 'general' | 'serious';

export interface Classification {
  class: ClassName;
  classLabel: string;
  ruleClass: ClassName;
  raised: boolean;
  reasons: string[];
}

export interface PersonalDataSpan {
  kind: 'id_number' | 'mobile' | 'bank_card' | 'person_name';
  start: number;
  end: number;
  masked: string;
}

export interface Finding {
  field: string;
  message: string;
  spans: PersonalDataSpan[];
}

export interface PenaltyPreview {
  classification: Classification;
  publish: boolean;
  publicityUntil: string | null;
  repairableFrom: string;
  notice: string;
  findings: Finding[];
}

export interface PublicText {
  id: string;
  recordRef: string;
  uscc: string;
  version: number;
  status: 'draft' | 'approved' | 'withheld';
  fields: Record<string, string>;
  hash: string;
  findings: Finding[] | null;
  draftedAt: string;
}

export interface PublicityDecision {
  id: string;
  status: 'pending' | 'published' | 'recorded';
  statusLabel: string;
  documentNo: string;
  classification: Classification | null;
  publicityUntil: string | null;
  repairableFrom: string | null;
  publicText: PublicText | null;
}

export const TEXT_FIELD_LABELS: Record<string, string> = {
  title: '标题', violationType: '违法行为类型', facts: '事实', basis: '处罚依据', content: '内容', documentName: '文书名称',
  certificateName: '许可证书名称', publicFinding: '公开说明', decisionNo: '决定书文号',
};

export const CLASS_COLORS: Record<ClassName, string> = { minor: 'blue', general: 'orange', serious: 'red' };
