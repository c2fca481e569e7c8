import { Injectable, Logger } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { DomainException } from '../common/errors/domain.exception';
import { shanghaiToday } from '../credit-file/credit-status';
import { OutboxService } from '../platform/outbox.service';
import { RecordRepairsRepository } from './record-repairs.repository';
import { RecordRepairsService, RepairApplication } from './record-repairs.service';
import { SubjectsService } from '../subjects/subjects.service';

/** A repair application 信用中国 received and the municipal platform forwarded in its feed (kind `repair_application`). */
export interface ForwardedApplication {
  id: string;
  /** Null for a natural person, named in the payload by `idType`, `idNumber` and `name` (never stored or logged). */
  uscc: string | null;
  payload: Record<string, unknown>;
}

/** Whose record the application is about: an institution of ours by USCC, or a person of ours by the ID number's blind index. */
type Owner = { uscc: string } | { subjectId: string; idType: string; idEnc: string };

const text = (v: unknown): string | null => (typeof v === 'string' && v.trim() ? v.trim() : null);
const date = (v: unknown): string | null => (typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v) ? v : null);

/**
 * 信用中国 is the single national intake for repair applications (36号令); the platform forwards those about our
 * institutions. Each is filed once per 信用中国 application id, in the feed page's transaction. One that names no
 * record of ours, or that the rules refuse at intake, is answered "不予受理" with the reason through the platform,
 * so 信用中国 can tell the applicant; the feed moves on.
 */
@Injectable()
export class CreditChinaIntake {
  private readonly logger = new Logger(CreditChinaIntake.name);

  constructor(
    private readonly repairs: RecordRepairsService,
    private readonly repo: RecordRepairsRepository,
    private readonly outbox: OutboxService,
    private readonly subjects: SubjectsService,
  ) {}

  async take(m: EntityManager, item: ForwardedApplication): Promise<'created' | 'duplicate' | 'not_ours'> {
    const owner = await this.ownerOf(m, item);
    if (!owner) return 'not_ours';
    const ref = text(item.payload.applicationId) ?? item.id;
    if (await this.repo.byExternalRef(m, 'creditchina', ref)) return 'duplicate';
    const decisionNo = text(item.payload.decisionNo);
    const recordId = decisionNo ? await this.repo.recordOfDecisionNo(m, owner, decisionNo) : null;
    const receivedOn = date(item.payload.receivedOn) ?? shanghaiToday();
    if (!recordId) return this.refuse(m, item, owner, ref, `未找到决定书文号为“${decisionNo ?? ''}”的行政处罚信息`);
    const application: RepairApplication = {
      recordId, route: 'creditchina', externalRef: ref, receivedOn: receivedOn > shanghaiToday() ? shanghaiToday() : receivedOn,
      correction: text(item.payload.correction) ?? '（信用中国未转来整改情况说明）',
      commitment: text(item.payload.commitment), commitmentSignedOn: date(item.payload.commitmentSignedOn),
    };
    await m.query('SAVEPOINT creditchina_repair');
    try {
      await this.repairs.apply(application, null, m);
      await m.query('RELEASE SAVEPOINT creditchina_repair');
    } catch (err) {
      await m.query('ROLLBACK TO SAVEPOINT creditchina_repair');
      if (!(err instanceof DomainException)) throw err;
      // the record is ours, so is the applicant: the refusal is a decision served on them, not only a line to 信用中国
      await this.repairs.refuseAtIntake(m, application, err.message);
    }
    return 'created';
  }

  /**
   * A natural person (教育部令第53号 art. 2) is found by the blind index of the ID number 信用中国 forwarded, as staff
   * search finds one; the number itself is neither stored nor logged. A person or institution we never recorded is
   * not ours: the feed is the whole city's.
   */
  private async ownerOf(m: EntityManager, item: ForwardedApplication): Promise<Owner | null> {
    if (item.uscc) {
      const [inst] = await m.query(`SELECT id FROM institutions WHERE uscc = $1`, [item.uscc]);
      return inst ? { uscc: item.uscc } : null;
    }
    const idNumber = text(item.payload.idNumber);
    const person = idNumber ? await this.subjects.findPerson(m, idNumber) : undefined;
    return person ? { subjectId: person.id, idType: person.idType, idEnc: person.idEnc } : null;
  }

  /** No record of ours by that number: nobody here to serve a decision on, so the answer goes back through 信用中国. */
  private async refuse(m: EntityManager, item: ForwardedApplication, owner: Owner, ref: string, reason: string): Promise<'created'> {
    // a person is named to the platform by ID type and sealed number, never in clear (platform-simulator/validation.ts)
    const person = 'subjectId' in owner ? { subjectId: owner.subjectId, payload: { subjectCategory: '自然人', idType: owner.idType, idEnc: owner.idEnc } } : {};
    this.logger.warn({ feedItem: item.id }, 'repair application from 信用中国 not accepted at intake');
    await this.outbox.enqueue(m, {
      recordType: 'repair_result', recordRef: ref, uscc: item.uscc, idempotencyKey: `record-repair-result:creditchina:${ref}:not_accepted`,
      payload: { applicationId: null, route: 'creditchina', externalRef: ref, status: 'not_accepted', statusLabel: '不予受理', reason, ...person },
    });
    return 'created';
  }
}
