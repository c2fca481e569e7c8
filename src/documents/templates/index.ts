import { HttpStatus } from '@nestjs/common';
import { DomainException } from '../../common/errors/domain.exception';
import { DocumentKind, KIND_TRAITS } from '../document-kinds';
import { dateText } from './common';
import { determinationDecision, noticeOfDetermination, objectionResult, repairNotice } from './determination.templates';
import { interviewNotice, interviewRecord, rectificationOrder } from './follow-up.templates';
import { listingDecision, listingNotice } from './listing.templates';
import { hearingNotice, hearingRecord, penaltyDecision, penaltyDecisionV1, penaltyNotice } from './penalty.templates';
import { recordRepairDecision, recordRepairNotAccepted, repairReferralLetter, repairReferralLetterV1 } from './record-repair.templates';
import { recordObjectionResult } from './subject.templates';
import { repairDecision, sanctionLetter, sanctionLiftingLetter, serviceReceipt } from './sanction-repair.templates';
import type { DocumentContent, DocumentTemplate, TemplateContext } from './template.types';
import { DocumentErrorCode } from '../document.errors';

export type { Block, CaseFacts, DocumentContent, SubjectFacts, TemplateContext } from './template.types';
export { DataReader } from './template.types';

/**
 * Every version of every template, oldest first. A template is never edited once a document was issued from it:
 * a change of wording is a new version appended here, and a document records the version that made it (a case may
 * ask for the version it started under).
 */
const TEMPLATES: Record<DocumentKind, DocumentTemplate[]> = {
  'notice-of-determination': [noticeOfDetermination],
  'objection-result': [objectionResult],
  'determination-decision': [determinationDecision],
  'repair-notice': [repairNotice],
  'rectification-order': [rectificationOrder],
  'interview-notice': [interviewNotice],
  'interview-record': [interviewRecord],
  'sanction-letter': [sanctionLetter],
  'sanction-lifting-letter': [sanctionLiftingLetter],
  'repair-decision': [repairDecision],
  'service-receipt': [serviceReceipt],
  'penalty-notice': [penaltyNotice],
  'hearing-notice': [hearingNotice],
  'hearing-record': [hearingRecord],
  'penalty-decision': [penaltyDecisionV1, penaltyDecision],
  'record-repair-decision': [recordRepairDecision],
  'repair-referral-letter': [repairReferralLetterV1, repairReferralLetter],
  'record-repair-not-accepted': [recordRepairNotAccepted],
  'record-objection-result': [recordObjectionResult],
  'listing-notice': [listingNotice],
  'listing-decision': [listingDecision],
};

export function templateFor(kind: DocumentKind, version?: number): DocumentTemplate {
  const versions = TEMPLATES[kind];
  const template = version === undefined ? versions.at(-1) : versions.find((t) => t.version === version);
  if (!template) {
    throw new DomainException(DocumentErrorCode.TEMPLATE_VERSION_UNKNOWN, `${KIND_TRAITS[kind].label}没有第 ${version} 版模板`, HttpStatus.BAD_REQUEST,
      { kind, versions: versions.map((t) => t.version) });
  }
  return template;
}

export interface FillMeta {
  docNo: string;
  issuedOn: string;
  draft: boolean;
  replaces: { docNo: string; reason: string } | null;
  verification: { code: string; url: string } | null;
}

/**
 * Fills a template with the context (give each fill a fresh DataReader); throws DOCUMENT_DATA_INVALID listing every
 * field that is missing or malformed. Filled once before a number is taken, so bad data never costs a number.
 */
export function fill(template: DocumentTemplate, ctx: TemplateContext, meta: FillMeta): { content: DocumentContent; addresseeName: string } {
  const body = template.build(ctx);
  const title = template.title?.(ctx) ?? KIND_TRAITS[template.kind].label;
  ctx.data.done();
  const blocks = meta.replaces
    ? [{ type: 'paragraph' as const, text: `本文书更正并替代本局原文书（${meta.replaces.docNo}），原文书自本文书送达之日起不再执行。更正理由：${meta.replaces.reason}` }, ...body.blocks]
    : body.blocks;
  const content: DocumentContent = {
    kind: template.kind,
    templateVersion: template.version,
    layout: KIND_TRAITS[template.kind].layout,
    issuerName: ctx.settings.issuerName,
    title,
    docNo: meta.docNo,
    addressee: body.addressee,
    blocks,
    closing: body.closing ?? null,
    dateText: dateText(meta.issuedOn),
    issuedOn: meta.issuedOn,
    copyTo: body.copyTo ?? null,
    replaces: meta.replaces,
    verification: meta.verification,
    draft: meta.draft,
  };
  return { content, addresseeName: body.addresseeName };
}

/** Every line of text a document says, in order: what a test, a search or the .docx can compare with the PDF. */
export function textLines(c: DocumentContent): string[] {
  const lines = [c.issuerName, c.title, c.docNo, c.addressee];
  for (const b of c.blocks) {
    if (b.type === 'heading' || b.type === 'paragraph') lines.push(b.text);
    else if (b.type === 'fields') lines.push(...b.rows.map(([k, v]) => `${k}：${v}`));
    else lines.push(...b.lines);
  }
  if (c.closing) lines.push(c.closing);
  lines.push(c.issuerName, c.dateText);
  if (c.verification) lines.push(`验证码：${c.verification.code}`);
  if (c.copyTo) lines.push(`抄送：${c.copyTo}`);
  return lines.filter(Boolean);
}
