import type { EntityManager } from 'typeorm';

export type CreditRecordKind =
  | 'licence' | 'penalty' | 'determination' | 'interview' | 'commitment' | 'honour' | 'repair' | 'joint_sanction'
  | 'correction' | 'publication_end' | 'inbound' | 'reclassification';

export const CREDIT_RECORD_KINDS: CreditRecordKind[] = [
  'licence', 'penalty', 'determination', 'interview', 'commitment', 'honour', 'repair', 'joint_sanction',
  'correction', 'publication_end', 'inbound', 'reclassification',
];

export const KIND_LABELS: Record<CreditRecordKind, string> = {
  licence: '行政许可', penalty: '行政处罚', determination: '失信认定', interview: '约谈', commitment: '信用承诺',
  honour: '表彰/守信', repair: '信用修复', joint_sanction: '联合惩戒', correction: '更正', publication_end: '公示期满撤下',
  inbound: '外部门报送', reclassification: '重新分类',
};

/** Kinds the municipal platform must receive (brief §6); others go only when the caller asks. */
export const SUBMITTED_BY_DEFAULT = new Set<CreditRecordKind>([
  'licence', 'penalty', 'determination', 'interview', 'commitment', 'joint_sanction', 'repair', 'correction',
  // the end of publication and a re-classification change what the platform publishes: it must hear of them too
  'publication_end', 'reclassification',
]);

/** A later record of one of these kinds, referring to an earlier one, ends the earlier one's publication. */
export const ENDING_KINDS: CreditRecordKind[] = ['correction', 'repair', 'publication_end'];

/**
 * Records that say something about an earlier record and must name it. A reclassification (国家发展改革委令第36号
 * transition) sets the earlier record's class and publication end from its own decision date: its payload
 * `publicityUntil` (null: withdrawn from publication).
 */
export const REFERRING_KINDS: CreditRecordKind[] = [...ENDING_KINDS, 'reclassification'];

export type Severity = 'minor' | 'general' | 'serious';

export interface NewCreditRecord {
  /** The institution's USCC; absent for a natural person's record, which names `subjectId` instead. */
  uscc?: string;
  /** A natural person's subject (src/subjects): the record joins that person's own chain. */
  subjectId?: string;
  kind: CreditRecordKind;
  title: string;
  /** YYYY-MM-DD */
  decisionDate: string;
  severity?: Severity | null;
  /** YYYY-MM-DD window in which the record is published; no `publicityFrom` means never published. */
  publicityFrom?: string | null;
  publicityUntil?: string | null;
  /**
   * Keys named `idNumber` or ending in `IdNumber` are sealed before storage (`…IdEnc` + `…IdHmac`).
   * A determination's `behaviourCode` and `catalogueVersion` select its catalogue deduction.
   */
  payload: Record<string, unknown>;
  /** Unique natural key: appending twice with the same key returns the first record. */
  sourceRef: string;
  refersTo?: string | null;
  caseNo?: string | null;
  officeCode?: string | null;
  createdBy?: string | null;
  submitToPlatform?: boolean;
}

/** Derived, never stored: a record's status follows from later records that refer to it and from today's date. */
export type CreditRecordStatus = 'published' | 'pending' | 'expired' | 'repaired' | 'withdrawn' | 'corrected' | 'recorded';

export const STATUS_LABELS: Record<CreditRecordStatus, string> = {
  published: '公示中', pending: '待公示', expired: '已撤下', repaired: '已修复', withdrawn: '已撤下', corrected: '已更正',
  recorded: '不公示',
};

export interface CreditRecordView {
  id: string;
  /** Null for a natural person's record (see `subjectId`). */
  uscc: string | null;
  subjectId?: string | null;
  seq: number;
  kind: CreditRecordKind;
  kindLabel: string;
  title: string;
  decisionDate: string;
  severity: Severity | null;
  publicityFrom: string | null;
  publicityUntil: string | null;
  status: CreditRecordStatus;
  statusLabel: string;
  /** Personal data masked: `…IdEnc` becomes `…IdMasked`, blind indexes are dropped. */
  payload: Record<string, unknown>;
  sourceRef: string;
  refersTo: string | null;
  /** Later records that refer to this one (correction, repair, publication end…); a reclassification brings its end. */
  referredBy: { id: string; kind: CreditRecordKind; decisionDate: string; publicityUntil?: string | null }[];
  caseNo: string | null;
  officeCode: string | null;
  createdAt: string;
  hash: string;
  prevHash: string;
}

export interface ChainVerification {
  ok: boolean;
  checked: number;
  firstBrokenSeq?: number;
  reason?: string;
}

export interface CreditFileApi {
  append(input: NewCreditRecord, m?: EntityManager): Promise<CreditRecordView>;
  fileOf(uscc: string, opts?: { includeUnpublished?: boolean }): Promise<CreditRecordView[]>;
  verifyChain(uscc: string): Promise<ChainVerification>;
}
