import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';
import type { PolicyDocument } from './policy.types';

/** One version of the policy; cases keep the version they started under, so versions are never edited. */
@Entity('policies')
export class PolicyEntity {
  @PrimaryColumn({ type: 'integer' }) version: number;
  @Column({ type: 'jsonb' }) document: PolicyDocument;
  @Column({ type: 'boolean', default: false }) active: boolean;
  @Column({ type: 'text', nullable: true }) note: string | null;
  @Column({ name: 'created_by', type: 'uuid', nullable: true }) createdBy: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}
