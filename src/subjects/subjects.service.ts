import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { FieldCryptoService } from '../common/crypto/field-crypto.service';
import { maskIdNumber } from '../common/crypto/mask';
import { RecordRow, recordView, referrersOf } from '../credit-file/credit-append';
import type { CreditRecordView } from '../credit-file/credit-record.types';
import { maskPersonalData } from '../credit-file/personal-data';
import { idNumberFits } from './id-types';
import { SubjectErrorCode, subjectFieldInvalid, subjectNotFound } from './subject.errors';
import { PersonRow, SubjectsRepository } from './subjects.repository';

/** What staff see of a natural person: the ID number only masked, whoever asks (docs/subjects.md). */
export interface PersonView {
  id: string;
  kind: 'person';
  kindLabel: string;
  idType: string;
  idMasked: string;
  name: string;
  officeCode: string | null;
  createdAt: string;
}

/**
 * Subjects (issue #19): every institution is one (kept by a trigger on institutions), and a natural person becomes one
 * when first named by a decision. A person is keyed by the blind index of the ID number; the number is sealed at rest.
 */
@Injectable()
export class SubjectsService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly repo: SubjectsRepository,
    private readonly crypto: FieldCryptoService,
  ) {}

  /** The person with this ID number, registered now if new; the first registration's name and ID type are kept. */
  async personFor(m: EntityManager, p: { idType: string; idNumber: string; name: string; officeCode: string | null; actorId: string }): Promise<PersonRow> {
    const id = p.idNumber.trim().toUpperCase();
    if (!idNumberFits(p.idType, id)) {
      throw subjectFieldInvalid(SubjectErrorCode.ID_NUMBER_INVALID_FOR_TYPE, 'idNumber', `证件号码与证件类型（${p.idType}）不符`);
    }
    const found = await this.repo.personByIndex(m, this.crypto.blindIndexUnderEveryKey(id));
    if (found) return found;
    await this.repo.insertPerson(m, {
      idType: p.idType, idEnc: this.crypto.encrypt(id), idHmac: this.crypto.blindIndex(id), name: p.name.trim(),
      officeCode: p.officeCode, createdBy: p.actorId,
    });
    return (await this.repo.personByIndex(m, [this.crypto.blindIndex(id)]))!;
  }

  /** The person with this ID number, if recorded (by the blind index under every key); nothing is registered. */
  findPerson(m: EntityManager, idNumber: string): Promise<PersonRow | undefined> {
    return this.repo.personByIndex(m, this.crypto.blindIndexUnderEveryKey(idNumber.trim().toUpperCase()));
  }

  /** POST body only (never a query string): the number must stay out of URLs and so out of every log. */
  async search(idNumber: string): Promise<{ items: PersonView[] }> {
    const found = await this.repo.personByIndex(this.ds.manager, this.crypto.blindIndexUnderEveryKey(idNumber.trim().toUpperCase()));
    return { items: found ? [this.view(found)] : [] };
  }

  async person(id: string, m: EntityManager = this.ds.manager): Promise<PersonView> {
    const found = await this.repo.person(m, id);
    if (!found) throw subjectNotFound();
    return this.view(found);
  }

  /** Several people at once (a staff list naming whom each row is about), each as `person()` shows them. */
  async people(ids: string[], m: EntityManager = this.ds.manager): Promise<PersonView[]> {
    return ids.length ? (await this.repo.people(m, ids)).map((p) => this.view(p)) : [];
  }

  /** The person's credit file, oldest first, each record's status as of today, ID numbers masked. */
  async records(id: string): Promise<CreditRecordView[]> {
    await this.person(id);
    const rows: RecordRow[] = await this.repo.records(this.ds.manager, id);
    const refs = await referrersOf(this.ds.manager, rows.map((r) => r.id));
    return rows.map((r) => recordView(r, refs.get(r.id) ?? [], (payload) => maskPersonalData(payload, this.crypto)));
  }

  private view(p: PersonRow): PersonView {
    return {
      id: p.id, kind: 'person', kindLabel: '自然人', idType: p.idType, idMasked: maskIdNumber(this.crypto.decrypt(p.idEnc)),
      name: p.name, officeCode: p.officeCode, createdAt: new Date(p.createdAt).toISOString(),
    };
  }
}
