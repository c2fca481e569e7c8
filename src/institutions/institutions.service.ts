import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Brackets, QueryFailedError, Repository } from 'typeorm';
import type { AuthUser } from '../auth/role';
import { FieldCryptoService } from '../common/crypto/field-crypto.service';
import { maskIdNumber } from '../common/crypto/mask';
import { CreateInstitutionDto } from './dto/create-institution.dto';
import { InstitutionPageDto, InstitutionResponseDto } from './dto/institution-response.dto';
import { ListInstitutionsQuery } from './dto/list-institutions.query';
import { UpdateInstitutionDto } from './dto/update-institution.dto';
import { InstitutionEntity } from './institution.entity';
import { INSTITUTION_TYPE_LABELS } from './institution-type';
import { institutionExists, institutionNotFound, institutionVersionConflict, officeUnknown } from './institution.errors';

@Injectable()
export class InstitutionsService {
  constructor(
    @InjectRepository(InstitutionEntity) private readonly repo: Repository<InstitutionEntity>,
    private readonly crypto: FieldCryptoService,
  ) {}

  /** The lookup other modules use; throws 404 INSTITUTION_NOT_FOUND. */
  async findByUscc(uscc: string): Promise<InstitutionEntity> {
    const found = await this.repo.findOneBy({ uscc: uscc.trim().toUpperCase() });
    if (!found) throw institutionNotFound();
    return found;
  }

  /** An institution account may read only itself; for any other USCC it gets the same 404 as for a missing one. */
  async getVisibleTo(uscc: string, user: AuthUser): Promise<InstitutionResponseDto> {
    if (user.role === 'institution' && user.uscc?.toUpperCase() !== uscc.trim().toUpperCase()) {
      throw institutionNotFound();
    }
    return this.toResponse(await this.findByUscc(uscc));
  }

  /** One INSERT, so the row is written whole or not at all; the unique index settles concurrent duplicates. */
  async create(dto: CreateInstitutionDto): Promise<InstitutionResponseDto> {
    await this.assertOfficeExists(dto.officeCode);
    const entity = this.repo.create({
      uscc: dto.uscc,
      name: dto.name,
      type: dto.type,
      legalRepName: dto.legalRepresentative.name,
      legalRepIdEnc: this.crypto.encrypt(dto.legalRepresentative.idNumber),
      legalRepIdHmac: this.crypto.blindIndex(dto.legalRepresentative.idNumber),
      address: dto.address || null, // a blank cell or '' means 'not given'
      officeCode: dto.officeCode || null,
      licenceNo: dto.licenceNo || null,
      licenceScope: dto.licenceScope || null,
    });
    try {
      return this.toResponse(await this.repo.save(entity));
    } catch (err) {
      if (isUniqueViolation(err)) throw institutionExists(dto.uscc);
      throw err;
    }
  }

  /**
   * Saves only when nobody changed the row since it was read: against the client's `version` if it sent one,
   * and always against the version read here, so two concurrent PATCHes cannot silently overwrite each other.
   */
  async update(uscc: string, dto: UpdateInstitutionDto): Promise<InstitutionResponseDto> {
    const current = await this.findByUscc(uscc);
    if (dto.version !== undefined && dto.version !== current.version) throw institutionVersionConflict(current.version);
    const changes = this.changesFrom(dto);
    if (Object.keys(changes).length === 0) return this.toResponse(current);
    await this.assertOfficeExists(changes.officeCode);
    const result = await this.repo
      .createQueryBuilder()
      .update(InstitutionEntity)
      .set(changes)
      .where('id = :id AND version = :version', { id: current.id, version: current.version })
      .execute();
    if (result.affected === 0) throw institutionVersionConflict((await this.findByUscc(uscc)).version);
    return this.toResponse(await this.findByUscc(uscc));
  }

  async list(query: ListInstitutionsQuery): Promise<InstitutionPageDto> {
    const { q, type, officeCode, page, pageSize } = query;
    const qb = this.repo.createQueryBuilder('i');
    if (q) {
      qb.andWhere(
        new Brackets((w) =>
          w
            .where('i.name ILIKE :contains', { contains: `%${escapeLike(q)}%` })
            .orWhere('i.uscc LIKE :prefix', { prefix: `${escapeLike(q.toUpperCase())}%` }),
        ),
      );
    }
    if (type) qb.andWhere('i.type = :type', { type });
    if (officeCode) qb.andWhere('i.office_code = :officeCode', { officeCode });
    const [rows, total] = await qb
      .orderBy('i.name', 'ASC')
      .addOrderBy('i.uscc', 'ASC')
      .offset((page - 1) * pageSize)
      .limit(pageSize)
      .getManyAndCount();
    return { items: rows.map((row) => this.toResponse(row)), total, page, pageSize };
  }

  /** The only way an institution leaves this module over HTTP: ID number decrypted just to be masked. */
  toResponse(e: InstitutionEntity): InstitutionResponseDto {
    return {
      id: e.id,
      uscc: e.uscc,
      name: e.name,
      type: e.type,
      typeLabel: INSTITUTION_TYPE_LABELS[e.type] ?? e.type,
      legalRepresentative: { name: e.legalRepName, idNumberMasked: maskIdNumber(this.crypto.decrypt(e.legalRepIdEnc)) },
      address: e.address,
      officeCode: e.officeCode,
      licenceNo: e.licenceNo,
      licenceScope: e.licenceScope,
      status: e.status,
      version: e.version,
      createdAt: e.createdAt,
      updatedAt: e.updatedAt,
    };
  }

  /** Office codes are a foreign key: check first so a typo is a 400 with a message, not a 500. */
  async assertOfficeExists(code: string | null | undefined): Promise<void> {
    if (!code) return;
    const rows: unknown[] = await this.repo.query('SELECT 1 FROM offices WHERE code = $1', [code]);
    if (rows.length === 0) throw officeUnknown(`主管科室不存在：${code}`);
  }

  private changesFrom(dto: UpdateInstitutionDto): Partial<InstitutionEntity> {
    const changes: Partial<InstitutionEntity> = {};
    if (dto.name !== undefined) changes.name = dto.name;
    if (dto.type !== undefined) changes.type = dto.type;
    if (dto.legalRepresentative?.name !== undefined) changes.legalRepName = dto.legalRepresentative.name;
    if (dto.legalRepresentative?.idNumber !== undefined) {
      changes.legalRepIdEnc = this.crypto.encrypt(dto.legalRepresentative.idNumber);
      changes.legalRepIdHmac = this.crypto.blindIndex(dto.legalRepresentative.idNumber);
    }
    for (const key of ['address', 'officeCode', 'licenceNo', 'licenceScope'] as const) {
      if (dto[key] !== undefined) changes[key] = dto[key] || null; // '' and null both clear the field
    }
    return changes;
  }
}

function isUniqueViolation(err: unknown): boolean {
  return err instanceof QueryFailedError && (err as QueryFailedError & { code?: string }).code === '23505';
}

/** q is user text: %, _ and \ must match literally (Postgres LIKE escapes with a backslash by default). */
function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, '\\$&');
}
