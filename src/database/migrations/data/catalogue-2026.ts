import type { Severity } from '../../../../workflows/contracts';

/**
 * Items of 失信行为清单 version 1, frozen with migration 1764000000001: never edit them, publish a new
 * catalogue version instead (cases keep the (version, code) they were opened under).
 * Scale of deductions (1,000 points; A ≥ 980): minor 5–10, general 20–50, serious 100–200, so one
 * serious record alone moves an institution below B.
 */
export interface CatalogueSeedItem {
  code: string;
  title: string;
  description: string;
  legalBasis: string;
  severity: Severity;
  rectificationDays: number;
  scoreDeduction: number;
  publish: boolean;
  jointSanction: boolean;
}

const SHUANGJIAN = '中共中央办公厅 国务院办公厅《关于进一步减轻义务教育阶段学生作业负担和校外培训负担的意见》';
const GUOBAN_80 = '《国务院办公厅关于规范校外培训机构发展的意见》（国办发〔2018〕80号）';
const MOE_53 = '《校外培训行政处罚暂行办法》（教育部令第53号）';
const PREPAY = '《教育部办公厅等六部门关于加强校外培训机构预收费监管工作的通知》（教监管厅函〔2021〕6号）';
const MINCU = '《中华人民共和国民办教育促进法》';
const MINCU_RULES = '《中华人民共和国民办教育促进法实施条例》';
const CREDIT_35 = '《国务院办公厅关于加快推进社会信用体系建设构建以信用为基础的新型监管机制的指导意见》（国办发〔2019〕35号）';

type Tail = Pick<CatalogueSeedItem, 'severity' | 'rectificationDays' | 'scoreDeduction' | 'publish' | 'jointSanction'>;
const minor = (rectificationDays = 30, scoreDeduction = 5): Tail =>
  ({ severity: 'minor', rectificationDays, scoreDeduction, publish: false, jointSanction: false });
const general = (rectificationDays = 30, scoreDeduction = 30): Tail =>
  ({ severity: 'general', rectificationDays, scoreDeduction, publish: true, jointSanction: false });
const serious = (rectificationDays = 30, scoreDeduction = 150): Tail =>
  ({ severity: 'serious', rectificationDays, scoreDeduction, publish: true, jointSanction: true });

const item = (code: string, title: string, description: string, legalBasis: string[], tail: Tail): CatalogueSeedItem =>
  ({ code, title, description, legalBasis: legalBasis.join('；'), ...tail });

export const CATALOGUE_2026: CatalogueSeedItem[] = [
  item('EDU-001', '擅自举办校外培训机构', '未经教育行政部门审批取得办学许可证，以专门场所、2名以上从业人员和相应组织分工面向中小学生或3周岁以上学龄前儿童开展校外培训。',
    [`${MINCU}第六十四条`, `${MOE_53}第十七条`, SHUANGJIAN], serious(15, 150)),
  item('EDU-002', '超出办学许可范围开展培训', '超出办学许可证核定的培训类别、内容、对象或场所开展培训，包括以非学科类名义变相开展学科类培训。',
    [MINCU_RULES, MOE_53, SHUANGJIAN], general(30, 30)),
  item('EDU-003', '违规超期超额预收培训费用', '一次性收取或以充值、次卡等形式变相收取时间跨度超过3个月或60课时的费用，或单笔预收费超过5000元。',
    [PREPAY, GUOBAN_80, SHUANGJIAN], general(30, 30)),
  item('EDU-004', '预收费未纳入监管账户', '预收培训费用未全部进入经备案的预收费监管账户，或通过个人账户、第三方平台等渠道收取、转移学员费用。',
    [PREPAY, SHUANGJIAN], general(30, 40)),
  item('EDU-005', '虚假宣传或发布虚假招生广告', '发布虚假招生简章或广告，或对升学、考试、培训效果作出保证性承诺，夸大师资、资质和办学成果，误导学生和家长。',
    [`${MINCU}第六十二条第（三）项`, '《中华人民共和国广告法》第二十四条', SHUANGJIAN], general(30, 30)),
  item('EDU-006', '聘用不具备相应资质的培训人员', '聘用未取得相应教师资格的人员从事学科类培训，或未按规定公示从业人员及其资格信息。',
    ['《中华人民共和国教师法》第十条', GUOBAN_80, SHUANGJIAN], general(30, 30)),
  item('EDU-007', '违规聘用外籍人员', '聘用未取得工作许可和工作类居留证件的外籍人员，或聘请在境外的外籍人员开展培训活动。',
    ['《中华人民共和国出境入境管理法》第四十一条', '《外国人在中国工作管理规定》', SHUANGJIAN], general(30, 40)),
  item('EDU-008', '培训场所存在消防和安全隐患', '培训场所不符合消防、建筑、卫生等安全条件，疏散通道堵塞、消防设施缺失或失效，或未建立安全管理制度。',
    ['《中华人民共和国消防法》', '《中小学幼儿园安全管理办法》（教育部等十部门令第23号）', GUOBAN_80], general(15, 30)),
  item('EDU-009', '拒绝或阻碍监督检查', '拒绝、阻挠、拖延执法检查，拒不提供或隐匿、销毁账簿、合同、学员名册等资料，或提供虚假情况。',
    ['《中华人民共和国行政处罚法》第五十五条', MOE_53, CREDIT_35], general(15, 50)),
  item('EDU-010', '拒不履行整改要求', '经责令限期改正、提示性约谈和警示性约谈后，仍拒不整改或整改不到位。',
    [`${MINCU}第六十二条`, MOE_53, CREDIT_35], serious(30, 100)),
  item('EDU-011', '违背信用承诺', '在办学许可告知承诺、信用修复等事项中作出承诺后未履行，或承诺内容与实际情况不符。',
    [CREDIT_35, '《国务院办公厅关于全面推行证明事项和涉企经营许可事项告知承诺制的指导意见》（国办发〔2020〕42号）'], general(30, 40)),
  item('EDU-012', '违规在节假日和寒暑假开展学科类培训', '占用国家法定节假日、休息日及寒暑假期组织义务教育阶段学科类培训，或以家政服务、托管、研学等名义隐形变异开展。',
    [SHUANGJIAN, MOE_53], general(30, 30)),
  item('EDU-013', '违规公布考试排名或炒作升学成绩', '公布、宣传学生考试成绩和排名，炒作升学率、“状元”，或组织面向中小学生的等级考试、竞赛并与招生入学挂钩。',
    ['《教育部办公厅关于加强义务教育学校考试管理的通知》（教基厅函〔2021〕34号）', GUOBAN_80], minor(30, 10)),
  item('EDU-014', '未按规定退还培训费用', '因停课、停办或学员依约申请退费时，无正当理由拒绝、拖延退还未消课费用。',
    ['《中华人民共和国消费者权益保护法》第五十三条', PREPAY, GUOBAN_80], general(15, 40)),
  item('EDU-015', '提交虚假材料骗取办学许可', '提交虚假证明文件或采取其他欺诈手段隐瞒重要事实，骗取办学许可证或其变更、延续。',
    [`${MINCU}第六十二条第（六）项`, '《中华人民共和国行政许可法》第七十九条'], serious(30, 150)),
  item('EDU-016', '学校违规收费', '学校超标准、超范围收费，擅自设立收费项目，以捐资助学等名义强制收费，或违规收取与入学挂钩的费用。',
    ['《中华人民共和国义务教育法》第二条', '《教育部等五部门关于进一步加强和规范教育收费管理的意见》（教财〔2020〕5号）', MINCU], general(30, 30)),
  item('EDU-017', '组织或协助考试作弊', '机构或学校组织、协助学生在国家教育考试或其他考试中作弊，或为作弊提供器材、试题答案等帮助。',
    ['《中华人民共和国刑法》第二百八十四条之一', '《国家教育考试违规处理办法》（教育部令第33号）'], serious(30, 200)),
  item('EDU-018', '非法颁发或伪造学历、培训证书', '非法颁发或者伪造学历证书、结业证书、培训证书、职业资格证书。',
    [`${MINCU}第六十二条第（四）项`], serious(30, 150)),
  item('EDU-019', '泄露或违规处理学生个人信息', '未经监护人同意收集、使用未成年学生个人信息，或因管理不善致使学生及家长个人信息泄露、被非法提供或出售。',
    ['《中华人民共和国个人信息保护法》第三十一条、第五十一条', '《中华人民共和国未成年人保护法》第七十二条'], general(30, 40)),
  item('EDU-020', '伪造、出租、出借办学许可证', '伪造、变造、买卖、出租、出借办学许可证。',
    [`${MINCU}第六十二条第（七）项`, MOE_53], serious(30, 150)),
  item('EDU-021', '恶意终止办学或抽逃挪用资金', '恶意终止办学、“卷钱跑路”，抽逃资金或者挪用办学经费、学员预收费。',
    [`${MINCU}第六十二条第（八）项`, PREPAY], serious(15, 200)),
  item('EDU-022', '违反培训时间和作业管理规定', '线下培训结束时间晚于20:30，线上培训晚于21:00，或给中小学生布置培训作业。',
    [GUOBAN_80, SHUANGJIAN], minor(30, 5)),
];
