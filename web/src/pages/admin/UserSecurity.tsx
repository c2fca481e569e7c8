import { App, Button, Form, Input, Modal, Space } from 'antd';
import { useState } from 'react';
import { post } from '../../api/client';
import { describeError } from '../../api/errors';

interface Target { id: string; username: string; totpEnrolled?: boolean }

/**
 * What an admin does to someone's sign-in: a temporary password (alone), or a request to remove the second factor,
 * which another admin approves in 账号安全申请 (the shared four-eyes list, docs/four-eyes.md; the API refuses the
 * proposer's and the owner's own approval).
 */
export function UserSecurityActions({ user, onChanged }: { user: Target; onChanged: () => void }) {
  const { message } = App.useApp();
  const [dialog, setDialog] = useState<'password' | 'totp' | null>(null);
  const [form] = Form.useForm<{ value: string }>();
  const submit = async ({ value }: { value: string }) => {
    try {
      if (dialog === 'password') await post(`/users/${user.id}/password-reset`, { password: value });
      else await post(`/users/${user.id}/totp-reset`, { reason: value });
      message.success(dialog === 'password' ? '已重置；本人下次登录须修改密码' : '已提交，待另一名管理员审批');
      setDialog(null);
      form.resetFields();
      onChanged();
    } catch (e) {
      message.error(describeError(e));
    }
  };
  return (
    <Space size={4}>
      <Button size="small" onClick={() => setDialog('password')}>重置密码</Button>
      {user.totpEnrolled && <Button size="small" onClick={() => setDialog('totp')}>申请重置动态口令</Button>}
      <Modal open={!!dialog} title={`${dialog === 'password' ? '重置密码' : '申请重置动态口令'}：${user.username}`} okText="确定" cancelText="取消"
        onOk={() => form.submit()} onCancel={() => setDialog(null)} destroyOnHidden>
        <Form form={form} layout="vertical" onFinish={submit}>
          {dialog === 'password'
            ? <Form.Item name="value" label="临时密码" extra="请通过安全渠道告知本人；本人下次登录时必须修改" rules={[{ required: true, min: 12, message: '临时密码至少 12 位' }]}>
                <Input.Password autoComplete="new-password" />
              </Form.Item>
            : <Form.Item name="value" label="理由" extra="如：手机遗失，已当面核实本人身份" rules={[{ required: true, min: 4, message: '请写明理由（至少 4 个字）' }]}>
                <Input.TextArea rows={3} maxLength={500} />
              </Form.Item>}
        </Form>
      </Modal>
    </Space>
  );
}
