import type { ConfigProviderProps } from 'antd/es/config-provider';
import zhCN from 'antd/es/locale/zh_CN';

/** The console's antd configuration: the app and the worklist's style warm-up (pages/worklist/warm-up.tsx) share it. */
export const ANTD_CONFIG: ConfigProviderProps = { locale: zhCN, theme: { token: { borderRadius: 4 } }, button: { autoInsertSpace: false } };
