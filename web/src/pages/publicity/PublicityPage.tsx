import { Alert, Tabs, Typography } from 'antd';
import { DecisionProposals } from '../../components/DecisionProposals';
import { DecisionForm } from './DecisionForm';
import { LICENCE_FIELDS, PENALTY_FIELDS } from './fields';
import { ReviewPanel } from './ReviewPanel';
import { TransitionPanel } from './TransitionPanel';

/**
 * 双公示: licence and penalty decisions with their full field sets, classified and given their periods by the 36号令
 * rules, published within 7 working days once a second person has signed their public text off.
 */
export default function PublicityPage() {
  return (
    <>
      <Typography.Title level={2} className="page-title">双公示登记</Typography.Title>
      <Alert type="info" showIcon style={{ marginBottom: 16 }}
        message="行政许可、行政处罚决定应自作出之日起 7 个工作日内公示。行政处罚按国家发展改革委令第36号分类：轻微失信不予公示；一般、严重的公示期由系统按决定日期计算。公示文本须经起草人以外的审核人审核；身份证号加密保存，公示时只显示脱敏值。" />
      <Tabs
        items={[
          { key: 'penalty', label: '行政处罚', children: <DecisionForm fields={PENALTY_FIELDS} endpoint="/publicity/penalties" title="行政处罚决定" /> },
          { key: 'licence', label: '行政许可', children: <DecisionForm fields={LICENCE_FIELDS} endpoint="/publicity/licences" title="行政许可决定" kind="licence" /> },
          { key: 'review', label: '公示文本审核', children: <ReviewPanel /> },
          { key: 'transition', label: '36号令过渡处理', children: <TransitionPanel /> },
          { key: 'objections', label: '异议与违约审批', children: <DecisionProposals kinds={['objection_decision', 'commitment_breach']} /> },
        ]}
      />
    </>
  );
}
