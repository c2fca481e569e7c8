import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { notFound } from '../common/errors/domain.exception';
import { CatalogueItemEntity } from './catalogue-item.entity';
import { CatalogueVersionEntity } from './catalogue-version.entity';
import type { CatalogueDto, CatalogueItemDto, VersionedCatalogueItemDto } from './dto/catalogue.dto';
import { CatalogueErrorCode } from './catalogue.errors';

function mapItem(e: CatalogueItemEntity): CatalogueItemDto {
  return {
    code: e.code,
    title: e.title,
    description: e.description,
    legalBasis: e.legalBasis,
    severity: e.severity,
    rectificationDays: e.rectificationDays,
    scoreDeduction: e.scoreDeduction,
    publish: e.publish,
    jointSanction: e.jointSanction,
  };
}

@Injectable()
export class CatalogueService {
  constructor(
    @InjectRepository(CatalogueVersionEntity) private readonly versions: Repository<CatalogueVersionEntity>,
    @InjectRepository(CatalogueItemEntity) private readonly items: Repository<CatalogueItemEntity>,
  ) {}

  /** The whole catalogue of one version; without a version, the active one. */
  async list(version?: number): Promise<CatalogueDto> {
    const v = await this.version(version);
    const items = await this.items.find({ where: { version: v.version }, order: { code: 'ASC' } });
    return { version: v.version, title: v.title, effectiveFrom: v.effectiveFrom, items: items.map(mapItem) };
  }

  /** One behaviour; a case stores the returned version so later editions never change it. */
  async item(code: string, version?: number): Promise<VersionedCatalogueItemDto> {
    const v = version ?? (await this.version()).version;
    const row = await this.items.findOneBy({ version: v, code });
    if (!row) throw notFound(CatalogueErrorCode.CATALOGUE_ITEM_NOT_FOUND, `失信行为清单（第 ${v} 版）中没有编码为 ${code} 的事项`);
    return { version: row.version, ...mapItem(row) };
  }

  private async version(version?: number): Promise<CatalogueVersionEntity> {
    const row = await this.versions.findOneBy(version === undefined ? { active: true } : { version });
    if (row) return row;
    throw version === undefined
      ? notFound(CatalogueErrorCode.CATALOGUE_VERSION_NOT_FOUND, '尚未启用任何失信行为清单版本，请管理员先发布清单')
      : notFound(CatalogueErrorCode.CATALOGUE_VERSION_NOT_FOUND, `失信行为清单第 ${version} 版不存在`);
  }
}
