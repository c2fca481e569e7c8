import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

export type TaskStatus = 'open' | 'claimed' | 'completed' | 'cancelled';

/** A human step of a case, as shown in worklists. The case workflow decides what may happen to it. */
@Entity('tasks')
export class TaskEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'case_no' }) caseNo: string;
  @Column() kind: string;
  @Column() stage: string;
  @Column({ type: 'text' }) status: TaskStatus;
  @Column({ name: 'candidate_role' }) candidateRole: string;
  @Column({ name: 'candidate_office', type: 'text', nullable: true }) candidateOffice: string | null;
  @Column({ name: 'assignee_id', type: 'uuid', nullable: true }) assigneeId: string | null;
  @Column({ name: 'due_date', type: 'date' }) dueDate: string;
  @Column({ name: 'follow_up_date', type: 'date', nullable: true }) followUpDate: string | null;
  @Column() priority: number;
  @Column() overdue: boolean;
  @Column({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @Column({ name: 'claimed_at', type: 'timestamptz', nullable: true }) claimedAt: Date | null;
  @Column({ name: 'completed_at', type: 'timestamptz', nullable: true }) completedAt: Date | null;
  @Column({ name: 'completed_by', type: 'uuid', nullable: true }) completedBy: string | null;
  @Column({ type: 'jsonb', nullable: true }) outcome: Record<string, unknown> | null;
  @Column({ name: 'idempotency_key' }) idempotencyKey: string;
  /** Goes up with every change of holder or status (migration 1767140000001): the worklist's optimistic concurrency. */
  @Column({ type: 'integer' }) version: number;
}
