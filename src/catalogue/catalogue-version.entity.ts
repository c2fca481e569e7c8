import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/** One edition of the 失信行为清单; at most one is active, older ones stay for the cases opened under them. */
@Entity('catalogue_versions')
export class CatalogueVersionEntity {
  @PrimaryColumn({ type: 'integer' }) version: number;
  @Column({ type: 'text' }) title: string;
  /** 'YYYY-MM-DD': a calendar date, kept as text so no time zone can shift it. */
  @Column({ name: 'effective_from', type: 'date' }) effectiveFrom: string;
  @Column({ type: 'boolean', default: false }) active: boolean;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}
