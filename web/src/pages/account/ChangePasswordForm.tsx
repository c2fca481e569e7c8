import { App, Button, Form, Input } from 'antd';
import { useState } from 'react';
import { post, type Tokens } from '../../api/client';
import { describeError } from '../../api/errors';
import { useAuth } from '../../auth/AuthContext';

interface Values { currentPassword: string; newPassword: string; confirm: string }

/** A new password of the account's own; the API ends its other sessions and gives this one new tokens. */
export function ChangePasswordForm() {
  const { adopt } = useAuth();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const submit = async (v: Values) => {
    setBusy(true);
    try {
      await adopt(await post<Tokens>('/auth/password', { currentPassword: v.currentPassword, newPassword: v.newPassword }));
      form.resetFields();
      message.success('密码已修改；其他设备上的登录已退出');
    } catch (e) {
      message.error(describeError(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Form form={form} layout="vertical" onFinish={submit} style={{ maxWidth: 420 }} data-testid="change-password">
      <Form.Item name="currentPassword" label="当前密码" rules={[{ required: true, message: '请输入当前密码' }]}>
        <Input.Password autoComplete="current-password" />
      </Form.Item>
      <Form.Item name="newPassword" label="新密码" extra="至少 12 位，含大写字母、小写字母、数字、符号中的至少三类，不含用户名，不用常见密码"
        rules={[{ required: true, message: '请输入新密码' }, { min: 12, message: '密码至少 12 位' }]}>
        <Input.Password autoComplete="new-password" />
      </Form.Item>
      <Form.Item name="confirm" label="再次输入新密码" dependencies={['newPassword']}
        rules={[{ required: true, message: '请再次输入新密码' }, ({ getFieldValue }) => ({
          validator: (_, value) => (!value || value === getFieldValue('newPassword') ? Promise.resolve() : Promise.reject(new Error('两次输入的新密码不一致'))),
        })]}>
        <Input.Password autoComplete="new-password" />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={busy}>修改密码</Button>
    </Form>
  );
}
