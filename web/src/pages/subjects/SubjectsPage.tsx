import { Alert, Button, Card, Form, Input, Table, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { post } from '../../api/client';
import { describeError } from '../../api/errors';
import type { Person } from '../../api/types';
import { isValidIdNumber } from '../../lib/validators';
import { OpenIntakes } from './OpenIntakes';

// an 18-character number of digits is taken for a 居民身份证号码 and checked (GB 11643); other documents by shape only
const fits = (raw: string) => {
  const v = raw.trim().toUpperCase();
  return /^\d{17}[\dX]$/.test(v) ? isValidIdNumber(v) : /^[A-Z0-9]{5,20}$/.test(v);
};

/**
 * 自然人查询 by ID number. The number goes in a POST body, never a URL (it would sit in logs and history), and the
 * field is emptied once answered: the screen shows only the masked number the server returns.
 */
export function SubjectSearch() {
  const [form] = Form.useForm<{ idNumber: string }>();
  const [hits, setHits] = useState<Person[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const search = async ({ idNumber }: { idNumber: string }) => {
    setBusy(true);
    setError(null);
    try {
      setHits((await post<{ items: Person[] }>('/subjects/search', { idNumber: idNumber.trim().toUpperCase() })).items);
      form.resetFields();
    } catch (e) {
      setError(describeError(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <Form form={form} layout="inline" onFinish={search} style={{ marginBottom: 12 }} autoComplete="off">
        <Form.Item name="idNumber" label="证件号码" extra="身份证、护照、通行证等号码" rules={[{ required: true, whitespace: true, message: '请输入证件号码' },
          { validator: (_, v?: string) => (!v || fits(v) ? Promise.resolve() : Promise.reject(new Error('证件号码不正确：身份证为 18 位且校验位正确，其他证件为 5–20 位字母或数字'))) }]}>
          <Input style={{ width: 260 }} maxLength={20} />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={busy}>查询</Button>
      </Form>
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} />}
      {hits && (
        <Table<Person> rowKey="id" size="small" dataSource={hits} pagination={false} data-testid="subject-hits"
          locale={{ emptyText: '未找到该证件号码的自然人' }}
          columns={[
            { title: '姓名', dataIndex: 'name', render: (n: string, p) => <Link to={`/subjects/${p.id}`}>{n}</Link> },
            { title: '证件类型', dataIndex: 'idType', width: 140 },
            { title: '证件号码', dataIndex: 'idMasked', width: 220 },
          ]} />
      )}
    </>
  );
}

export default function SubjectsPage() {
  return (
    <>
      <Typography.Title level={2} className="page-title">自然人查询</Typography.Title>
      <Card size="small" style={{ maxWidth: 820, marginBottom: 16 }}><SubjectSearch /></Card>
      <Card size="small" title="待复核的窗口异议"><OpenIntakes /></Card>
    </>
  );
}
