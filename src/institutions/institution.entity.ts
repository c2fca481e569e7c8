import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn, VersionColumn } from 'typeorm';
import { InstitutionType } from './institution-type';

/** A school or training institution under supervision; table defined in the initial migration. */
@Entity('institutions')
export class InstitutionEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'varchar', length: 18, unique: true }) uscc: string;
  @Column({ type: 'text' }) name: string;
  @Column({ type: 'text' }) type: InstitutionType;
  @Column({ name: 'legal_rep_name', type: 'text' }) legalRepName: string;
  /** AES-GCM ciphertext from FieldCryptoService; never leaves the service unmasked. */
  @Column({ name: 'legal_rep_id_enc', type: 'text' }) legalRepIdEnc: string;
  /** Keyed HMAC of the ID number, to find every institution a person represents without decrypting. */
  @Column({ name: 'legal_rep_id_hmac', type: 'text' }) legalRepIdHmac: string;
  @Column({ type: 'text', nullable: true }) address: string | null;
  @Column({ name: 'office_code', type: 'text', nullable: true }) officeCode: string | null;
  @Column({ name: 'licence_no', type: 'text', nullable: true }) licenceNo: string | null;
  @Column({ name: 'licence_scope', type: 'text', nullable: true }) licenceScope: string | null;
  @Column({ type: 'text', default: 'active' }) status: string;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
  /** Bumped by TypeORM on every update; clients send it back in PATCH for optimistic concurrency. */
  @VersionColumn() version: number;
}
