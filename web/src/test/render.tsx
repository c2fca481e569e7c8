import { render } from '@testing-library/react';
import { App, ConfigProvider } from 'antd';
import zhCN from 'antd/es/locale/zh_CN';
import type { ReactElement } from 'react';

/** Renders under the same providers as the app (zh-CN locale, no space inserted in two-character buttons). */
export function renderUi(ui: ReactElement) {
  return render(<ConfigProvider locale={zhCN} button={{ autoInsertSpace: false }}><App>{ui}</App></ConfigProvider>);
}
