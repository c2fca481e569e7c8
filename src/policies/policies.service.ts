import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { notFound } from '../common/errors/domain.exception';
import { PolicyEntity } from './policy.entity';
import type { PolicyDocument } from './policy.types';

export interface PolicyVersion {
  version: number;
  document: PolicyDocument;
}

@Injectable()
export class PoliciesService {
  constructor(@InjectRepository(PolicyEntity) private readonly policies: Repository<PolicyEntity>) {}

  /** The policy new cases start under. */
  async active(): Promise<PolicyVersion> {
    const row = await this.policies.findOneBy({ active: true });
    if (!row) throw notFound('POLICY_NOT_FOUND', '系统尚未启用任何监管政策版本，请管理员先发布政策');
    return { version: row.version, document: row.document };
  }

  /** The policy a running case started under, however many versions came after it. */
  async byVersion(version: number): Promise<PolicyVersion> {
    const row = await this.policies.findOneBy({ version });
    if (!row) throw notFound('POLICY_NOT_FOUND', `监管政策第 ${version} 版不存在`);
    return { version: row.version, document: row.document };
  }
}
