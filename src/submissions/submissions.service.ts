import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { AuthUser } from '../auth/role';

const KINDS: Record<string, { code: string; label: string }> = {
  objection: { code: 'YY', label: '异议' }, rectification: { code: 'ZG', label: '整改报告' }, repair: { code: 'XF', label: '信用修复申请' },
  statement: { code: 'SB', label: '陈述申辩' },
};

/**
 * Receipts for what an institution has submitted in its cases. The receipt number is built from what identifies the
 * submission for good — case, kind, round (one submission per deadline round, the key the case writes use; rounds
 * count from 0, the receipt from 1) — so the same submission always shows the same number, on submit and later.
 */
@Injectable()
export class SubmissionsService {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  async list(user: AuthUser, caseNo?: string) {
    const rows: { caseNo: string; kind: string; round: number; submittedAt: Date; files: number }[] = await this.ds.query(
      `SELECT s.case_no AS "caseNo", s.kind, s.round, s.submitted_at AS "submittedAt", cardinality(s.file_ids)::int AS files
         FROM case_submissions s JOIN cases c ON c.case_no = s.case_no
        WHERE c.uscc = $1 AND ($2::text IS NULL OR s.case_no = $2)
        ORDER BY s.submitted_at DESC, s.id DESC LIMIT 200`, [user.uscc, caseNo ?? null]);
    return {
      items: rows.map((r) => ({
        receiptNo: `${r.caseNo}-${KINDS[r.kind]?.code ?? 'CL'}${r.round + 1}`, caseNo: r.caseNo, kind: r.kind,
        kindLabel: KINDS[r.kind]?.label ?? '材料', round: r.round, submittedAt: new Date(r.submittedAt).toISOString(), files: r.files,
      })),
    };
  }
}
