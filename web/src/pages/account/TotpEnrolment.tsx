import { Alert, App, Button, Input, List, QRCode, Space, Typography } from 'antd';
import { useState } from 'react';
import { post, tokenStore, type Tokens } from '../../api/client';
import { describeError } from '../../api/errors';
import { useAuth } from '../../auth/AuthContext';

interface Enrolment { secret: string; otpauthUri: string }
type Confirmed = Tokens & { recoveryCodes: string[] };

/** Binding an authenticator app (RFC 6238): scan or type the secret, confirm with a code, keep the recovery codes. */
export function TotpEnrolment({ onDone }: { onDone: () => void }) {
  const { adopt } = useAuth();
  const { message } = App.useApp();
  const [enrolment, setEnrolment] = useState<Enrolment | null>(null);
  const [code, setCode] = useState('');
  const [confirmed, setConfirmed] = useState<Confirmed | null>(null);
  const [busy, setBusy] = useState(false);

  const act = async (fn: () => Promise<void>) => {
    setBusy(true);
    try {
      await fn();
    } catch (e) {
      message.error(describeError(e));
    } finally {
      setBusy(false);
    }
  };
  const start = () => act(async () => setEnrolment(await post<Enrolment>('/auth/totp/enroll')));
  const confirm = () => act(async () => {
    const result = await post<Confirmed>('/auth/totp/confirm', { code: code.trim() });
    tokenStore.set(result); // the old refresh token is spent: keep the new one even before the codes are read
    setConfirmed(result);
  });
  const finish = () => act(async () => {
    await adopt(confirmed!);
    onDone();
  });

  if (confirmed) {
    return (
      <Space direction="vertical" data-testid="recovery-codes">
        <Alert type="success" showIcon message="动态口令已绑定" description="以下恢复码只显示这一次：手机丢失时，每个恢复码可代替动态口令登录一次。请抄写或打印后妥善保存。" />
        <List size="small" bordered dataSource={confirmed.recoveryCodes} style={{ maxWidth: 240 }}
          renderItem={(c) => <List.Item><Typography.Text code copyable>{c}</Typography.Text></List.Item>} />
        <Button type="primary" onClick={finish} loading={busy}>我已保存恢复码，继续</Button>
      </Space>
    );
  }
  if (!enrolment) return <Button type="primary" onClick={start} loading={busy}>开始绑定动态口令</Button>;
  return (
    <Space direction="vertical" data-testid="totp-enrolment">
      <Typography.Paragraph>用手机上的身份验证器（如微信小程序“腾讯身份验证器”、Google Authenticator、Microsoft Authenticator）扫描二维码，或手动输入密钥：</Typography.Paragraph>
      <QRCode value={enrolment.otpauthUri} size={180} />
      <span data-testid="totp-secret"><Typography.Text code copyable>{enrolment.secret}</Typography.Text></span>
      <Space>
        <Input aria-label="验证器上的 6 位口令" placeholder="6 位数字" value={code} maxLength={6} inputMode="numeric" style={{ width: 140 }}
          onChange={(e) => setCode(e.target.value)} onPressEnter={confirm} />
        <Button type="primary" onClick={confirm} loading={busy} disabled={!/^\d{6}$/.test(code.trim())}>确认绑定</Button>
      </Space>
    </Space>
  );
}
