import { LockOutlined, SafetyOutlined, UserOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Form, Input, Typography, type InputRef } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { Link, Navigate, useLocation, useNavigate } from 'react-router';
import { ApiError } from '../api/client';
import { describeError } from '../api/errors';
import { useAuth } from '../auth/AuthContext';
import { HOME } from '../auth/navigation';
import { useBureauName } from '../lib/lookups';
import { prefetchFirstPage, preloadWorklistWhenIdle, worklistPage } from './worklist/first-page';

interface Values { username: string; password: string; totp?: string }

export function LoginPage() {
  const { me, login, notice } = useAuth();
  const navigate = useNavigate();
  const location = useLocation();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const totpInput = useRef<InputRef>(null);
  const bureau = useBureauName();
  useEffect(preloadWorklistWhenIdle, []);
  if (me) return <Navigate to={me.requirements.length ? '/account' : HOME[me.role]} replace />;

  const submit = async (v: Values) => {
    setBusy(true);
    setError(null);
    try {
      const who = await login(v.username.trim(), v.password, v.totp);
      const from = (location.state as { from?: string } | null)?.from;
      const to = who.requirements.length ? '/account' : from && from !== '/login' ? from : HOME[who.role];
      if (to === '/worklist') {
        // the page's code and its first rows load while the shell renders, not one after the other
        void worklistPage.preload().catch(() => undefined);
        prefetchFirstPage();
      }
      void navigate(to, { replace: true });
    } catch (e) {
      setError(describeError(e));
      if (e instanceof ApiError && e.code.startsWith('TOTP_')) totpInput.current?.focus();
    } finally {
      setBusy(false);
    }
  };

  return (
    <div style={{ minHeight: '100vh', display: 'flex', alignItems: 'center', justifyContent: 'center', background: '#f0f5ff' }}>
      <Card style={{ width: 380 }}>
        <Typography.Title level={3} style={{ textAlign: 'center' }}>教育信用监管系统</Typography.Title>
        <Typography.Paragraph type="secondary" style={{ textAlign: 'center' }} data-testid="bureau-name">{bureau || '\u00a0'}</Typography.Paragraph>
        {(error ?? notice) && <Alert type="error" showIcon message={error ?? notice} style={{ marginBottom: 16 }} role="alert" />}
        <Form layout="vertical" onFinish={submit} requiredMark={false}>
          <Form.Item name="username" label="用户名" rules={[{ required: true, message: '请输入用户名' }]}>
            <Input prefix={<UserOutlined />} autoComplete="username" autoFocus />
          </Form.Item>
          <Form.Item name="password" label="密码" rules={[{ required: true, message: '请输入密码' }]}>
            <Input.Password prefix={<LockOutlined />} autoComplete="current-password" />
          </Form.Item>
          <Form.Item name="totp" label="动态口令" extra="身份验证器上的 6 位数字，或一个恢复码；尚未绑定的账号不填"
            rules={[{ pattern: /^(\d{6}|[A-Za-z2-9]{5}[\s-]?[A-Za-z2-9]{5})$/, message: '应为 6 位数字或 xxxxx-xxxxx 形式的恢复码' }]}>
            <Input ref={totpInput} prefix={<SafetyOutlined />} autoComplete="one-time-code" inputMode="numeric" maxLength={11} />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={busy}>登录</Button>
        </Form>
        <div style={{ marginTop: 16, textAlign: 'center' }}>
          <Link to="/public">公众信用查询（无需登录）</Link>
        </div>
      </Card>
    </div>
  );
}
