import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { Severity } from '../../workflows/contracts';

/** One dishonest behaviour of one catalogue version; (version, code) is the key cases refer to. */
@Entity('catalogue_items')
export class CatalogueItemEntity {
  @PrimaryColumn({ type: 'integer' }) version: number;
  @PrimaryColumn({ type: 'text' }) code: string;
  @Column({ type: 'text' }) title: string;
  @Column({ type: 'text' }) description: string;
  @Column({ name: 'legal_basis', type: 'text' }) legalBasis: string;
  @Column({ type: 'text' }) severity: Severity;
  /** Calendar days, not working days: the rectification order states a date, as the plan does. */
  @Column({ name: 'rectification_days', type: 'integer' }) rectificationDays: number;
  /** Points off the 1,000-point evaluation while the record is in publicity. */
  @Column({ name: 'score_deduction', type: 'integer' }) scoreDeduction: number;
  @Column({ type: 'boolean' }) publish: boolean;
  @Column({ name: 'joint_sanction', type: 'boolean' }) jointSanction: boolean;
}
