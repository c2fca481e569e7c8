import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { MeasureErrorCode, measureRefused } from './measures.errors';

export type MeasureCategory = 'penalty' | 'joint_sanction';

export interface CatalogueMeasure {
  id: string;
  name: string;
  category: MeasureCategory;
  legalBasis: string;
  departments: string[];
  itemCodes: string[];
  severities: string[];
}

const COLUMNS = `id, name, category, legal_basis AS "legalBasis", departments, item_codes AS "itemCodes", severities`;

/**
 * The measures catalogue (全国失信惩戒措施基础清单, table `measure_catalogue`, issue #17): every joint-sanction measure
 * and every ban names a measure of it by id, so each carries its legal basis and the departments that apply it.
 */
@Injectable()
export class MeasureCatalogueService {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  async list(): Promise<{ items: CatalogueMeasure[] }> {
    return { items: await this.ds.query(`SELECT ${COLUMNS} FROM measure_catalogue WHERE active ORDER BY category DESC, id`) };
  }

  /**
   * The measures named by `ids`, each of `category` and (when given) allowed after that catalogue item and severity.
   * Anything else — free text, an unknown id, a measure of the other kind or for another item — is a 400 naming it.
   */
  async choose(ids: string[], want: { category: MeasureCategory; itemCode?: string; severity?: string }, m: EntityManager = this.ds.manager):
    Promise<CatalogueMeasure[]> {
    const rows: CatalogueMeasure[] = await m.query(`SELECT ${COLUMNS} FROM measure_catalogue WHERE active AND id = ANY($1::text[])`, [ids]);
    const byId = new Map(rows.map((r) => [r.id, r]));
    const unknown = ids.filter((id) => !byId.has(id));
    if (unknown.length) {
      throw measureRefused(MeasureErrorCode.MEASURE_NOT_IN_CATALOGUE, `措施须从失信惩戒措施清单中选择（GET /api/measures/catalogue），不能自行填写：${unknown.join('、')}`, unknown);
    }
    const misfit = rows.filter((r) => r.category !== want.category
      || (want.itemCode !== undefined && !r.itemCodes.includes(want.itemCode))
      || (want.severity !== undefined && !r.severities.includes(want.severity)));
    if (misfit.length) {
      throw measureRefused(MeasureErrorCode.MEASURE_NOT_APPLICABLE, `所选措施不适用于该事项：${misfit.map((r) => r.name).join('、')}`, misfit.map((r) => r.id));
    }
    return ids.map((id) => byId.get(id)!);
  }
}
