import { Alert, Card, Col, Descriptions, Form, Input, Row, Select, Tag, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useEffect, useRef, useState } from 'react';
import { post } from '../../api/client';
import { describeError } from '../../api/errors';
import { MarkedText } from '../../components/MarkedText';
import { CLASS_COLORS, TEXT_FIELD_LABELS, type Finding, type PenaltyPreview } from './types';

/** What the preview reads from the form; the rest of the 双公示 fields do not change the class or the periods. */
const WATCHED = ['procedure', 'penaltyCategory', 'fineAmount', 'confiscatedAmount', 'decisionDate', 'subjectCategory', 'legalRepName',
  'decisionNo', 'violationType', 'facts', 'basis', 'content', 'raiseClassTo', 'raiseReason', 'minorPublicationReason', 'publicText'] as const;

export function previewBody(values: Record<string, unknown>): Record<string, unknown> | null {
  const date = values.decisionDate as Dayjs | undefined;
  const categories = values.penaltyCategory as string[] | undefined;
  if (!values.procedure || !categories?.length || !date) return null;
  const body: Record<string, unknown> = {};
  for (const key of WATCHED) {
    const v = values[key];
    if (v === undefined || v === null || v === '') continue;
    body[key] = key === 'decisionDate' ? (v as Dayjs).format('YYYY-MM-DD') : v;
  }
  const reworded = Object.fromEntries(Object.entries((values.publicText ?? {}) as Record<string, string>).filter(([, v]) => v?.trim()));
  if (Object.keys(reworded).length) body.publicText = reworded; else delete body.publicText;
  return body;
}

/** The text a finding is about, as the form holds it: `publicText.facts` is the reworded facts. */
const textOf = (values: Record<string, unknown>, field: string): string => {
  if (field === 'decisionNo') return `行政处罚决定（${typeof values.decisionNo === 'string' ? values.decisionNo : ''}）`;
  const [head, key] = field.split('.');
  const v = key ? (values[head] as Record<string, unknown> | undefined)?.[key] : values[head];
  return typeof v === 'string' ? v : '';
};

/**
 * Beside the penalty form: the class the 36号令 rule gives, with its reasons, the periods the API computes from it,
 * and the public text as the guard sees it, personal data marked — all before saving (POST /publicity/penalties/preview).
 * `refused` are the findings of a refused submission, shown the same way.
 */
export function ClassificationPanel({ refused }: { refused: Finding[] }) {
  const form = Form.useFormInstance();
  const values = Form.useWatch((v) => v, { form, preserve: true }) as Record<string, unknown> | undefined;
  const [preview, setPreview] = useState<PenaltyPreview | null>(null);
  const [error, setError] = useState<string | null>(null);
  const seq = useRef(0);
  const body = values ? previewBody(values) : null;
  const key = JSON.stringify(body);

  useEffect(() => {
    const mine = ++seq.current;
    // the answer (or its absence) is set from the timer, never synchronously in the effect
    const timer = setTimeout(() => {
      if (!body) return setPreview(null);
      post<PenaltyPreview>('/publicity/penalties/preview', body).then(
        (p) => { if (mine === seq.current) { setPreview(p); setError(null); } },
        (e) => { if (mine === seq.current) { setPreview(null); setError(describeError(e)); } },
      );
    }, 300);
    return () => clearTimeout(timer);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);

  const c = preview?.classification;
  const findings = refused.length ? refused : preview?.findings ?? [];
  return (
    <Card size="small" title="分类与公示期（国家发展改革委令第36号）" style={{ marginBottom: 16 }} data-testid="classification">
      {!body && <Typography.Text type="secondary">填写程序、处罚类别和处罚决定日期后，这里显示分类、公示截止期和可申请修复的日期。</Typography.Text>}
      {error && <Alert type="error" showIcon message={error} />}
      {c && preview && (
        <>
          <Descriptions size="small" column={1}>
            <Descriptions.Item label="分类">
              <Tag color={CLASS_COLORS[c.class]}>{c.classLabel}失信</Tag>{c.raised && <Tag>经办人提高</Tag>}
              {!preview.publish && <Tag color="default" data-testid="not-published">不予公示（轻微失信）</Tag>}
            </Descriptions.Item>
            <Descriptions.Item label="理由"><ul style={{ margin: 0, paddingLeft: 18 }}>{c.reasons.map((r) => <li key={r}>{r}</li>)}</ul></Descriptions.Item>
            <Descriptions.Item label="公示">{preview.notice}</Descriptions.Item>
          </Descriptions>
          <Row gutter={16}>
            <Col xs={24} md={8}>
              <Form.Item name="raiseClassTo" label="提高分类（不能低于标准）">
                <Select allowClear options={[{ value: 'general', label: '一般' }, { value: 'serious', label: '严重' }]} />
              </Form.Item>
            </Col>
            <Col xs={24} md={16}>
              <Form.Item name="raiseReason" label="提高理由" dependencies={['raiseClassTo']}
                rules={[({ getFieldValue }) => ({ required: !!getFieldValue('raiseClassTo'), whitespace: true, message: '提高分类须说明理由' })]}>
                <Input maxLength={500} />
              </Form.Item>
            </Col>
          </Row>
          {c.class === 'minor' && (
            <Form.Item name="minorPublicationReason" label="确有必要公示的理由（填写后公示，最长 3 个月；不填则不予公示）">
              <Input.TextArea rows={2} maxLength={500} />
            </Form.Item>
          )}
        </>
      )}
      {findings.length > 0 && values && (
        <Alert type="error" showIcon style={{ marginTop: 8 }} message="公示文本含有个人信息，不能公示：请删去标出的内容，或在“公示文本”中改写"
          description={findings.map((f) => (
            <div key={f.field} data-testid={`marks-${f.field}`} style={{ marginTop: 6 }}>
              <Typography.Text strong>{TEXT_FIELD_LABELS[f.field.split('.').pop()!] ?? f.field}：</Typography.Text>
              <MarkedText text={textOf(values, f.field)} spans={f.spans} />
            </div>
          ))} />
      )}
    </Card>
  );
}
