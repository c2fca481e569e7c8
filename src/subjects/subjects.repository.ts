import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { RECORD_COLUMNS, RecordRow } from '../credit-file/credit-append';

export interface PersonRow {
  id: string;
  kind: 'person';
  idType: string;
  idEnc: string;
  name: string;
  officeCode: string | null;
  createdAt: Date;
}

const PERSON = `s.id, s.kind, s.id_type AS "idType", s.id_enc AS "idEnc", s.name, s.office_code AS "officeCode", s.created_at AS "createdAt"`;

/** Every query of subjects; a person is found by the blind index of the ID number, never by the number itself. */
@Injectable()
export class SubjectsRepository {
  /** `hmacs`: the index under every configured key, so a person registered before a key rotation is still found. */
  async personByIndex(m: EntityManager, hmacs: string[]): Promise<PersonRow | undefined> {
    const [row] = await m.query(`SELECT ${PERSON} FROM subjects s WHERE s.kind = 'person' AND s.id_hmac = ANY($1)`, [hmacs]);
    return row;
  }

  async person(m: EntityManager, id: string): Promise<PersonRow | undefined> {
    const [row] = await m.query(`SELECT ${PERSON} FROM subjects s WHERE s.id = $1 AND s.kind = 'person'`, [id]);
    return row;
  }

  people(m: EntityManager, ids: string[]): Promise<PersonRow[]> {
    return m.query(`SELECT ${PERSON} FROM subjects s WHERE s.id = ANY($1) AND s.kind = 'person'`, [ids]);
  }

  /** One statement: two officers registering the same person at once get the same subject (the index is unique). */
  async insertPerson(m: EntityManager, p: { idType: string; idEnc: string; idHmac: string; name: string; officeCode: string | null; createdBy: string }): Promise<void> {
    await m.query(
      `INSERT INTO subjects (kind, id_type, id_enc, id_hmac, name, office_code, created_by) VALUES ('person',$1,$2,$3,$4,$5,$6)
       ON CONFLICT (id_hmac) DO NOTHING`, [p.idType, p.idEnc, p.idHmac, p.name, p.officeCode, p.createdBy]);
  }

  /** A person's own chain, oldest first. */
  records(m: EntityManager, subjectId: string): Promise<RecordRow[]> {
    return m.query(`SELECT ${RECORD_COLUMNS} FROM credit_records r WHERE r.subject_id = $1 AND r.institution_id IS NULL ORDER BY r.seq`, [subjectId]);
  }

  async record(m: EntityManager, subjectId: string, recordId: string): Promise<{ id: string; title: string } | undefined> {
    const [row] = await m.query(`SELECT id, title FROM credit_records WHERE id = $1 AND subject_id = $2 AND institution_id IS NULL`, [recordId, subjectId]);
    return row;
  }
}
