import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, Repository } from 'typeorm';
import { validatePolicy } from './policy-validation';
import { PolicyEntity } from './policy.entity';
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

  /** The policy new cases start under. */
  async active(): Promise<PolicyVersion> {
    const row = await this.policies.findOneBy({ active: true });
    if (!row) throw policyNotFound('系统尚未启用任何监管政策版本，请管理员先发布政策');
    return { version: row.version, document: row.document };
  }

  /**
   * Publishes a new version from the active one with `changes` applied, and makes it the one new cases use.
   * Running cases keep the version they pinned; nothing is edited in place. Over HTTP only as an approved proposal
   * (policy-proposals.ts).
   */
  async publish(m: EntityManager, changes: Partial<PolicyDocument>, note: string, proposerId: string): Promise<void> {
    const [current] = await m.query(`SELECT version, document FROM policies WHERE active FOR UPDATE`);
    const document = nextDocument(current?.document ?? null, changes);
    const [{ next }] = await m.query(`SELECT COALESCE(max(version), 0) + 1 AS next FROM policies`);
    await m.query(`UPDATE policies SET active = false WHERE active`);
    await m.query(`INSERT INTO policies (version, document, active, note, created_by) VALUES ($1, $2, true, $3, $4)`,
      [next, document, note, proposerId]);
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
