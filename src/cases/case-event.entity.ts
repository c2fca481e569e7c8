import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** One row per transition or human action on a case: who, when, why. Never updated. */
@Entity('case_events')
export class CaseEventEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' }) id: string;
  @Column({ name: 'case_no' }) caseNo: string;
  @Column() type: string;
  @Column({ name: 'stage_from', type: 'text', nullable: true }) stageFrom: string | null;
  @Column({ name: 'stage_to', type: 'text', nullable: true }) stageTo: string | null;
  @Column({ name: 'actor_id', type: 'uuid', nullable: true }) actorId: string | null;
  @Column({ name: 'actor_role', type: 'text', nullable: true }) actorRole: string | null;
  @Column({ type: 'text', nullable: true }) reason: string | null;
  @Column({ type: 'jsonb' }) payload: Record<string, unknown>;
  @Column({ name: 'occurred_at', type: 'timestamptz' }) occurredAt: Date;
  @Column({ name: 'idempotency_key' }) idempotencyKey: string;
}
