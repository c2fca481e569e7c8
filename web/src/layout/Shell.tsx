import { LogoutOutlined, UserOutlined } from '@ant-design/icons';
import { Badge, Button, Layout, Menu, Space, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { get } from '../api/client';
import { Link, Outlet, useLocation, useNavigate } from 'react-router';
import { useAuth } from '../auth/AuthContext';
import { navFor } from '../auth/navigation';
import { OpsAlertBanner } from '../components/OpsAlertBanner';
import { ROLE_LABELS } from '../lib/labels';
import { useBureauName, useOffices } from '../lib/lookups';
import { warmUpEnded } from '../pages/worklist/first-page';

const { Header, Sider, Content } = Layout;

/** The frame every signed-in page sits in: a menu of what the role may use, who is signed in, sign-out. */
export function Shell() {
  const { me, logout } = useAuth();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const [collapsed, setCollapsed] = useState(false);
  useEffect(warmUpEnded, []);
  const bureau = useBureauName();
  // an account that must first change its password or bind an authenticator may call nothing else yet (403)
  const ready = !!me && !me.requirements.length;
  // unread messages on the menu; read again on every page change, so reading them in 消息通知 clears the count
  const [unread, setUnread] = useState(0);
  useEffect(() => {
    if (!ready) return;
    let live = true;
    get<{ unread: number }>('/inbox', { limit: 1 }).then((r) => live && setUnread(r.unread), () => undefined);
    return () => { live = false; };
  }, [ready, pathname]);
  const { officeName } = useOffices(ready && !!me?.officeCode);
  const items = me ? navFor(me.role) : [];
  // the longest menu path that prefixes the current page is the selected one
  const selected = items.map((i) => i.path).filter((p) => pathname === p || pathname.startsWith(`${p}/`)).sort((a, b) => b.length - a.length)[0];
  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Sider collapsible collapsed={collapsed} onCollapse={setCollapsed} width={184} breakpoint="lg" className="no-print">
        <div style={{ color: '#fff', padding: '16px 12px', fontWeight: 600, whiteSpace: 'nowrap', overflow: 'hidden' }}>
          {collapsed ? '信用' : '教育信用监管'}
        </div>
        <Menu
          theme="dark"
          mode="inline"
          selectedKeys={selected ? [selected] : []}
          items={items.map((i) => ({
            key: i.path,
            label: <Link to={i.path}>{i.label}{i.path === '/inbox' && unread > 0 && <span data-testid="unread-count"><Badge count={unread} size="small" offset={[6, -2]} /></span>}</Link>,
          }))}
        />
      </Sider>
      <Layout>
        <Header className="no-print" style={{ background: '#fff', padding: '0 16px', display: 'flex', justifyContent: 'space-between', alignItems: 'center', height: 52 }}>
          <Typography.Text strong data-testid="bureau-name">{bureau ? `${bureau} · ` : ''}信用监管系统</Typography.Text>
          {me && (
            <Space>
              <UserOutlined />
              <span data-testid="current-user">{me.username}</span>
              <Tag color="blue">{ROLE_LABELS[me.role]}</Tag>
              {me.officeCode && <Tag data-testid="current-office">{officeName(me.officeCode)}</Tag>}
              <Button size="small" icon={<LogoutOutlined />} onClick={() => { logout(); void navigate('/login'); }}>
                退出
              </Button>
            </Space>
          )}
        </Header>
        <Content style={{ margin: 16, padding: 16, background: '#fff', minWidth: 0 }}>
          {me?.role === 'admin' && <OpsAlertBanner />}
          <Outlet />
        </Content>
      </Layout>
    </Layout>
  );
}
