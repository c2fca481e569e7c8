import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

@Entity('audit_log')
export class AuditLogEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' }) id: string;
  @Column({ type: 'timestamptz', default: () => 'now()' }) at: Date;
  @Column({ name: 'actor_id', type: 'uuid', nullable: true }) actorId: string | null;
  @Column({ name: 'actor_role', type: 'text', nullable: true }) actorRole: string | null;
  @Column() action: string;
  @Column() resource: string;
  @Column({ name: 'resource_id', type: 'text', nullable: true }) resourceId: string | null;
  @Column({ type: 'varchar', length: 18, nullable: true }) uscc: string | null;
  @Column({ type: 'text', nullable: true }) reason: string | null;
  @Column({ name: 'request_id', type: 'text', nullable: true }) requestId: string | null;
  @Column({ name: 'client_request_id', type: 'text', nullable: true }) clientRequestId: string | null;
  @Column({ type: 'text', nullable: true }) ip: string | null;
  @Column() outcome: string;
}
