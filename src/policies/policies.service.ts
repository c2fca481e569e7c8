import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, Repository } from 'typeorm';
import { validatePolicy } from './policy-validation';
import { PolicyEntity } from './policy.entity';
import { beijingToday } from '../common/time/beijing';
import type { PolicyDocument } from './policy.types';
import { policyInvalid, policyNotFound } from './policy.errors';

export interface PolicyVersion {
  version: number;
  document: PolicyDocument;
}

@Injectable()
export class PoliciesService {
  /** A published version is never edited (a change is a new version), so a version once read is kept. */
  private readonly versions = new Map<number, PolicyVersion>();

  constructor(@InjectRepository(PolicyEntity) private readonly policies: Repository<PolicyEntity>) {}

  /**
   * The policy in force today, which new cases start under: the active version, or a version published ahead whose
   * day has come (issue #16: a change "from next month" takes effect on its day, read here, not by a job at midnight).
   */
  async active(): Promise<PolicyVersion> {
    const [row] = await this.policies.query(
      `SELECT version, document FROM policies
        WHERE active OR (scheduled AND effective_from <= $1 AND version > (SELECT version FROM policies WHERE active))
        ORDER BY version DESC LIMIT 1`, [beijingToday()]);
    if (!row) throw policyNotFound('系统尚未启用任何监管政策版本，请管理员先发布政策');
    return { version: row.version, document: row.document };
  }

  /** Versions published ahead and not yet in force, each with what it changes against the version in force. */
  async upcoming(): Promise<{ version: number; effectiveFrom: string; note: string | null; changes: PolicyChange[] }[]> {
    const current = await this.active().catch(() => null);
    const rows = await this.policies.query(
      `SELECT version, effective_from::text AS "effectiveFrom", note, document FROM policies
        WHERE scheduled AND effective_from > $1 ORDER BY effective_from, version`, [beijingToday()]);
    return rows.map((r: { version: number; effectiveFrom: string; note: string | null; document: PolicyDocument }) =>
      ({ version: r.version, effectiveFrom: r.effectiveFrom, note: r.note, changes: diffPolicies(current?.document ?? null, r.document) }));
  }

  /**
   * Publishes a new version from the active one with `changes` applied, and makes it the one new cases use.
   * Running cases keep the version they pinned; nothing is edited in place. Over HTTP only as an approved proposal
   * (policy-proposals.ts).
   */
  async publish(m: EntityManager, changes: Partial<PolicyDocument>, note: string, proposerId: string, effectiveFrom?: string | null): Promise<void> {
    await m.query(`SELECT version FROM policies WHERE active FOR UPDATE`);
    const current = await this.active().catch(() => null);
    const document = nextDocument(current?.document ?? null, changes);
    const [{ next }] = await m.query(`SELECT COALESCE(max(version), 0) + 1 AS next FROM policies`);
    const today = beijingToday();
    if (effectiveFrom && effectiveFrom > today) {
      // published ahead: in force from its day (active() picks it up then); until then cases use the current one
      await m.query(`INSERT INTO policies (version, document, active, note, created_by, effective_from, scheduled) VALUES ($1, $2, false, $3, $4, $5, true)`,
        [next, document, note, proposerId, effectiveFrom]);
      return;
    }
    await m.query(`UPDATE policies SET active = false WHERE active`);
    await m.query(`INSERT INTO policies (version, document, active, note, created_by, effective_from) VALUES ($1, $2, true, $3, $4, $5)`,
      [next, document, note, proposerId, today]);
  }

  /** The policy a running case started under, however many versions came after it. */
  async byVersion(version: number): Promise<PolicyVersion> {
    const known = this.versions.get(version);
    if (known) return { version, document: structuredClone(known.document) };
    const row = await this.policies.findOneBy({ version });
    if (!row) throw policyNotFound(`监管政策第 ${version} 版不存在`);
    this.versions.set(version, { version: row.version, document: structuredClone(row.document) });
    return { version: row.version, document: row.document };
  }
}

/** The active document with `changes` applied, checked whole; a change may only replace a part the policy has. */
export function nextDocument(current: PolicyDocument | null, changes: Partial<PolicyDocument>): PolicyDocument {
  // a mistyped key would otherwise be published unnoticed
  const unknown = Object.keys(changes).filter((key) => current && !(key in current));
  if (unknown.length) {
    const fields = unknown.map((field) => ({ field: `changes.${field}`, message: `没有名为“${field}”的政策项` }));
    throw policyInvalid(fields);
  }
  const document = { ...(current ?? {}), ...changes } as PolicyDocument;
  validatePolicy(document);
  return document;
}

export interface PolicyChange {
  /** Dotted path of the changed figure, e.g. `publicity.serious.maxMonths`. */
  path: string;
  before: unknown;
  after: unknown;
}

/** Every leaf figure that differs between two policy documents (what the console's upcoming-version diff lists). */
export function diffPolicies(before: unknown, after: unknown, path = ''): PolicyChange[] {
  const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
  if (isObj(before) && isObj(after)) {
    return [...new Set([...Object.keys(before), ...Object.keys(after)])].sort()
      .flatMap((k) => diffPolicies(before[k], after[k], path ? `${path}.${k}` : k));
  }
  return JSON.stringify(before) === JSON.stringify(after) ? [] : [{ path, before: before ?? null, after: after ?? null }];
}
