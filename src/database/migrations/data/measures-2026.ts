import { CATALOGUE_2026 } from './catalogue-2026';

/**
 * Measures of the national basic list of dishonesty measures (全国失信惩戒措施基础清单, 发改财金规〔2021〕1827号) that
 * an education bureau applies or asks member departments to apply, frozen with migration 1766200000002: add a row in
 * a new migration, never edit these (a joint-sanction letter or a ban names the measure id it applied).
 *
 * `category`: `penalty` is an administrative penalty decided by the penalty procedure (限制从业: 教育部令第53号 art. 5,
 * 行政处罚法 art. 9); `joint_sanction` follows only an entry on the serious-dishonesty list (brief §3 step 8,
 * 国办发〔2020〕49号). `items`/`severities`: the catalogue items (失信行为清单 codes) and severities it may follow.
 */
export interface MeasureSeed {
  id: string;
  name: string;
  category: 'penalty' | 'joint_sanction';
  legalBasis: string;
  departments: string[];
  items: string[];
  severities: string[];
}

const GUOBAN_49 = '《国务院办公厅关于进一步完善失信约束制度构建诚信建设长效机制的指导意见》（国办发〔2020〕49号）';
const GUOBAN_35 = '《国务院办公厅关于加快推进社会信用体系建设构建以信用为基础的新型监管机制的指导意见》（国办发〔2019〕35号）';
const BASIC_LIST = '《全国失信惩戒措施基础清单》（发改财金规〔2021〕1827号）';
const MOE_53 = '《校外培训行政处罚暂行办法》（教育部令第53号）';

/** Joint sanction follows only serious items (严重失信主体名单): those the catalogue marks `jointSanction`. */
const SERIOUS_ITEMS = CATALOGUE_2026.filter((i) => i.jointSanction).map((i) => i.code);

export const MEASURE_SEED: MeasureSeed[] = [
  {
    id: 'M-XZCY', name: '限制从业（一定期限内禁止从事校外培训及相关工作）', category: 'penalty',
    legalBasis: `${MOE_53}第五条、第十七条至第二十条；《中华人民共和国行政处罚法》第九条；${BASIC_LIST}`,
    departments: ['教育行政部门'], items: SERIOUS_ITEMS, severities: ['serious'],
  },
  {
    id: 'M-ZDJG', name: '列为重点监管对象，提高抽查比例和频次', category: 'joint_sanction',
    legalBasis: `${GUOBAN_35}；${GUOBAN_49}；${BASIC_LIST}`,
    departments: ['教育行政部门', '市场监督管理部门'], items: SERIOUS_ITEMS, severities: ['serious'],
  },
  {
    id: 'M-CZZJ', name: '限制申请财政性资金项目和享受财政补贴', category: 'joint_sanction',
    legalBasis: `${GUOBAN_49}；${BASIC_LIST}`,
    departments: ['财政部门', '教育行政部门'], items: SERIOUS_ITEMS, severities: ['serious'],
  },
  {
    id: 'M-PXPY', name: '限制参加评先评优', category: 'joint_sanction',
    legalBasis: `${GUOBAN_49}；${BASIC_LIST}`,
    departments: ['教育行政部门', '人力资源社会保障部门'], items: SERIOUS_ITEMS, severities: ['serious'],
  },
  {
    id: 'M-ZFCG', name: '限制参加政府采购活动', category: 'joint_sanction',
    legalBasis: `《中华人民共和国政府采购法》第二十二条；${BASIC_LIST}`,
    departments: ['财政部门'], items: SERIOUS_ITEMS, severities: ['serious'],
  },
  {
    id: 'M-XZXK', name: '审慎办理新增办学许可及变更、延续申请', category: 'joint_sanction',
    legalBasis: `《中华人民共和国民办教育促进法》第六十四条；${GUOBAN_49}；${BASIC_LIST}`,
    departments: ['教育行政部门', '人力资源社会保障部门'], items: SERIOUS_ITEMS, severities: ['serious'],
  },
];
