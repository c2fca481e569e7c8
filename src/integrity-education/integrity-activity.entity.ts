import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

@Entity('integrity_activities')
export class IntegrityActivityEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'institution_id', type: 'uuid' }) institutionId: string;
  @Column({ type: 'varchar', length: 18 }) uscc: string;
  @Column({ type: 'text' }) theme: string;
  @Column({ name: 'activity_date', type: 'date' }) date: string;
  @Column({ type: 'text' }) term: string;
  @Column({ type: 'integer' }) participants: number;
  @Column({ type: 'text', nullable: true }) description: string | null;
  @Column({ name: 'evidence_file_ids', type: 'uuid', array: true }) evidenceFileIds: string[];
  @Column({ name: 'recorded_by', type: 'uuid' }) recordedBy: string;
  @Column({ name: 'created_at', type: 'timestamptz', insert: false, update: false }) createdAt: Date;
}
