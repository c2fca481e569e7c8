import { App as AntApp, ConfigProvider } from 'antd';
import { BrowserRouter } from 'react-router';
import { AuthProvider } from './auth/AuthContext';
import { AppRoutes } from './routes';
import { ANTD_CONFIG } from './theme';

export function App() {
  return (
    <ConfigProvider {...ANTD_CONFIG}>
      <AntApp>
        <AuthProvider>
          <BrowserRouter>
            <AppRoutes />
          </BrowserRouter>
        </AuthProvider>
      </AntApp>
    </ConfigProvider>
  );
}
