import { Alert, Form, Input, Modal, Select } from 'antd';
import { useState } from 'react';
import { post } from '../../api/client';
import { describeError } from '../../api/errors';
import { ROLES, type Role } from '../../api/types';
import { applyApiErrors } from '../../lib/formErrors';
import { ROLE_LABELS } from '../../lib/labels';
import { usccRule } from '../../lib/validators';

interface Values { username: string; password: string; role: Role; displayName: string; officeCode?: string; uscc?: string; enforcementCertNo?: string }

export const userRules = {
  username: [{ required: true, message: '请填写用户名' }, { pattern: /^[a-zA-Z0-9_.-]{3,40}$/, message: '用户名应为 3–40 位字母、数字、点、下划线或连字符' }],
  password: [{ required: true, message: '请填写初始密码' }, { min: 12, message: '密码至少 12 位' }],
};

/** New account: staff need an office, institution accounts a USCC. */
export function UserForm({ open, offices, onClose }: { open: boolean; offices: { code: string; name: string }[]; onClose: (created: boolean) => void }) {
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const role = Form.useWatch('role', form);
  const submit = async (v: Values) => {
    setBusy(true);
    setError(null);
    try {
      await post('/users', v);
      form.resetFields();
      onClose(true);
    } catch (e) {
      applyApiErrors(form, e);
      setError(describeError(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal title="新建账号" open={open} onCancel={() => onClose(false)} onOk={() => form.submit()} okText="创建" cancelText="取消" confirmLoading={busy} destroyOnHidden>
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} />}
      <Form form={form} layout="vertical" onFinish={submit} initialValues={{ role: 'officer' }}>
        <Form.Item name="username" label="用户名" rules={userRules.username}><Input autoComplete="off" /></Form.Item>
        <Form.Item name="displayName" label="姓名" rules={[{ required: true, whitespace: true, message: '请填写姓名' }]}><Input /></Form.Item>
        <Form.Item name="role" label="角色" rules={[{ required: true, message: '请选择角色' }]}>
          <Select options={ROLES.map((r) => ({ value: r, label: ROLE_LABELS[r] }))} />
        </Form.Item>
        {role === 'institution' ? (
          <Form.Item name="uscc" label="所属机构统一社会信用代码" rules={[{ required: true, message: '请填写机构的统一社会信用代码' }, usccRule]}><Input /></Form.Item>
        ) : (
          <Form.Item name="officeCode" label="科室" rules={role === 'officer' || role === 'approver' ? [{ required: true, message: '经办人和审核人须指定科室' }] : []}>
            <Select allowClear options={offices.map((o) => ({ value: o.code, label: o.name }))} />
          </Form.Item>
        )}
        {(role === 'officer' || role === 'approver') && (
          <Form.Item name="enforcementCertNo" label="执法证号" extra="承办行政处罚的执法人员填写（行政处罚法第四十二条）"
            rules={[{ pattern: /^[0-9A-Za-z-]{4,40}$/, message: '执法证号应为 4–40 位字母、数字或连字符' }]}><Input /></Form.Item>
        )}
        <Form.Item name="password" label="初始密码" rules={userRules.password} extra="至少 12 位，含大写字母、小写字母、数字、符号中的至少三类；请通过安全渠道告知本人，本人首次登录时须修改并绑定动态口令"><Input.Password autoComplete="new-password" /></Form.Item>
      </Form>
    </Modal>
  );
}
