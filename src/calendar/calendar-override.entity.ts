import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/** An administrator's correction of the official calendar for one date (e.g. a local closure). */
@Entity('calendar_overrides')
export class CalendarOverrideEntity {
  /** 'YYYY-MM-DD' */
  @PrimaryColumn({ type: 'date' }) date: string;
  @Column({ name: 'working_day', type: 'boolean' }) workingDay: boolean;
  @Column({ type: 'text' }) reason: string;
  @Column({ name: 'created_by', type: 'uuid', nullable: true }) createdBy: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}
