import { Alert, Checkbox, Form, Select, Space, Typography } from 'antd';
import { get } from '../../../api/client';
import { describeError } from '../../../api/errors';
import { useAsync } from '../../../lib/useAsync';
import { MEASURE_SUGGESTIONS } from './options';

/** The measures an investigating officer proposes to announce (free words: the notice names them, no sanction follows). */
export function MeasuresField() {
  return (
    <Form.Item name="measures" label="拟采取的措施">
      <Select mode="tags" options={MEASURE_SUGGESTIONS.map((m) => ({ value: m }))} placeholder="选择或输入措施" />
    </Form.Item>
  );
}

interface CatalogueMeasure { id: string; name: string; category: string; legalBasis: string; departments: string[] }

/**
 * Joint sanction on a list entry: measures from the catalogue (全国失信惩戒措施基础清单) only, each with its basis and
 * the departments that apply it (they get the 联合惩戒函). The approver may confirm some or none; the opinion below is
 * the reason. An industry ban (行业禁入) is not ordered here: it is a penalty of its own (docs/industry-bans.md).
 */
export function SanctionFields({ load = () => get<{ items: CatalogueMeasure[] }>('/measures/catalogue') }: { load?: () => Promise<{ items: CatalogueMeasure[] }> }) {
  const catalogue = useAsync(load, []);
  if (catalogue.error) return <Alert type="error" showIcon message={describeError(catalogue.error)} />;
  const measures = (catalogue.data?.items ?? []).filter((m) => m.category === 'joint_sanction');
  return (
    <Form.Item name="measures" label="确认的联合惩戒措施（可部分确认或不确认，须在下方写明理由）">
      <Checkbox.Group>
        <Space direction="vertical">
          {measures.map((m) => (
            <Checkbox key={m.id} value={m.id}>
              {m.name}
              <Typography.Text type="secondary">（依据：{m.legalBasis}；实施部门：{m.departments.join('、')}）</Typography.Text>
            </Checkbox>
          ))}
        </Space>
      </Checkbox.Group>
    </Form.Item>
  );
}
