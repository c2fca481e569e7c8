import { render } from '@testing-library/react';
import { App, ConfigProvider } from 'antd';
import zhCN from 'antd/es/locale/zh_CN';
import type { ReactElement } from 'react';
import { AuthProvider, useAuth } from '../auth/AuthContext';

/** Renders under the same providers as the app (zh-CN locale, no space inserted in two-character buttons). */
export function renderUi(ui: ReactElement) {
  return render(<ConfigProvider locale={zhCN} button={{ autoInsertSpace: false }}><App>{ui}</App></ConfigProvider>);
}

/** Renders `ui` under AuthProvider once /auth/me has answered (pages behind RequireRole expect a signed-in user). */
export function renderSignedIn(ui: ReactElement) {
  const Gate = () => (useAuth().me ? ui : null);
  return renderUi(<AuthProvider><Gate /></AuthProvider>);
}
