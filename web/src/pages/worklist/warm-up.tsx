import { Alert, Badge, Button, Card, Checkbox, ConfigProvider, DatePicker, Form, Input, Layout, Menu, Select, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { createRoot } from 'react-dom/client';
import { ANTD_CONFIG } from '../../theme';

/**
 * antd writes each component's styles the first time one renders (CSS-in-JS), and that was most of the script the
 * browser ran between 登录 and the worklist's first row (bench/web-first-load.bench.ts). While the person types, the
 * login page renders the shell's and the worklist's components once, hidden and empty, with the app's own
 * configuration; antd keeps a style while a component uses it, so this stays mounted until the signed-in shell has
 * rendered (first-page.ts `warmUpEnded`), and the worklist's first render only lays out its rows. Answers the
 * function that removes it.
 */
export function renderWarmUp(): () => void {
  const host = document.createElement('div');
  host.setAttribute('aria-hidden', 'true');
  host.style.display = 'none';
  document.body.appendChild(host);
  const root = createRoot(host);
  root.render(
    <ConfigProvider {...ANTD_CONFIG}>
      <Layout>
        <Layout.Sider collapsible><Menu theme="dark" mode="inline" items={[{ key: 'a', label: <Badge count={1} size="small" /> }]} /></Layout.Sider>
        <Layout.Header><Typography.Text strong /><Space><Tag color="blue" /><Button size="small" /></Space></Layout.Header>
        <Layout.Content>
          <Typography.Title level={2} />
          <Form layout="inline">
            <Form.Item><Select allowClear /></Form.Item>
            <Form.Item><Input allowClear /></Form.Item>
            <Form.Item><DatePicker /></Form.Item>
            <Form.Item><Checkbox /></Form.Item>
            <Button type="primary" />
          </Form>
          <Alert type="error" showIcon message="" />
          {/* no rows: nothing here may look like a worklist row to a test or a screen reader */}
          <Table size="middle" scroll={{ x: 1000 }} rowKey="k" dataSource={[]} pagination={{ total: 1, showSizeChanger: true }}
            columns={[{ title: <Tooltip title=""><Tag color="red" /></Tooltip>, dataIndex: 'k' }, { title: '', key: 'op', fixed: 'right' }]} />
          <Card size="small" title="" />
        </Layout.Content>
      </Layout>
    </ConfigProvider>,
  );
  // called from the shell's effect, while React may still be rendering: unmounting another root then is refused
  return () => window.setTimeout(() => {
    root.unmount();
    host.remove();
  }, 0);
}
