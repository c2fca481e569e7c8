import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { Role } from './role';

@Entity('users')
export class UserEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ unique: true }) username: string;
  @Column({ name: 'password_hash' }) passwordHash: string;
  @Column({ type: 'text' }) role: Role;
  @Column({ name: 'display_name' }) displayName: string;
  @Column({ name: 'office_code', type: 'text', nullable: true }) officeCode: string | null;
  @Column({ type: 'varchar', length: 18, nullable: true }) uscc: string | null;
  /** 执法证号: enforcement steps record the two officers who acted and their certificates (行政处罚法 art. 42). */
  @Column({ name: 'enforcement_cert_no', type: 'text', nullable: true }) enforcementCertNo: string | null;
  @Column({ default: true }) active: boolean;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}
