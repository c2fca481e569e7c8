import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/**
 * A year whose holiday schedule an administrator has published (the State Council's notice, entered as overrides).
 * Only then do working days in that year count: overrides alone (a local closure, say) never make a year "known".
 */
@Entity('calendar_years')
export class CalendarYearEntity {
  @PrimaryColumn({ type: 'integer' }) year: number;
  /** The notice it follows, e.g. 国办发明电〔2026〕X号. */
  @Column({ type: 'text' }) basis: string;
  @Column({ name: 'published_by', type: 'uuid', nullable: true }) publishedBy: string | null;
  @CreateDateColumn({ name: 'published_at', type: 'timestamptz' }) publishedAt: Date;
}
