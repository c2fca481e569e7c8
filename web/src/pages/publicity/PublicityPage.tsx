import { Alert, Tabs, Typography } from 'antd';
import { DecisionForm } from './DecisionForm';
import { LICENCE_FIELDS, PENALTY_FIELDS } from './fields';

/** 双公示: licence and penalty decisions with their full field sets, published within 7 working days. */
export default function PublicityPage() {
  return (
    <>
      <Typography.Title level={2} className="page-title">双公示登记</Typography.Title>
      <Alert type="info" showIcon style={{ marginBottom: 16 }} message="行政许可、行政处罚决定应自作出之日起 7 个工作日内公示；身份证号加密保存，公示时只显示脱敏值。" />
      <Tabs
        items={[
          { key: 'penalty', label: '行政处罚', children: <DecisionForm fields={PENALTY_FIELDS} endpoint="/publicity/penalties" title="行政处罚决定" /> },
          { key: 'licence', label: '行政许可', children: <DecisionForm fields={LICENCE_FIELDS} endpoint="/publicity/licences" title="行政许可决定" /> },
        ]}
      />
    </>
  );
}
