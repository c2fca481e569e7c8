import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { CaseStage, Severity } from '../../workflows/contracts';

@Entity('cases')
export class CaseEntity {
  @PrimaryColumn({ name: 'case_no' }) caseNo: string;
  @Column({ name: 'institution_id', type: 'uuid' }) institutionId: string;
  @Column({ type: 'varchar', length: 18 }) uscc: string;
  @Column({ name: 'behaviour_code' }) behaviourCode: string;
  @Column({ name: 'catalogue_version' }) catalogueVersion: number;
  @Column({ name: 'policy_version' }) policyVersion: number;
  @Column() facts: string;
  @Column() source: string;
  @Column({ type: 'text' }) severity: Severity;
  @Column({ type: 'text' }) stage: CaseStage;
  @Column({ name: 'office_code', type: 'text', nullable: true }) officeCode: string | null;
  @Column({ name: 'registered_by', type: 'uuid' }) registeredBy: string;
  @Column({ name: 'registered_at', type: 'timestamptz' }) registeredAt: Date;
  @Column({ name: 'decision_date', type: 'date', nullable: true }) decisionDate: string | null;
  @Column({ name: 'closed_at', type: 'timestamptz', nullable: true }) closedAt: Date | null;
  @Column({ type: 'text', nullable: true }) outcome: string | null;
  @Column({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
}
