import { Alert, Card, Space, Tag, Typography } from 'antd';
import { useNavigate } from 'react-router';
import { useMe } from '../../auth/AuthContext';
import { HOME } from '../../auth/navigation';
import { ChangePasswordForm } from './ChangePasswordForm';
import { TotpEnrolment } from './TotpEnrolment';

/**
 * The account's own security. A session that must first change its password or bind a second factor lands here and
 * may use nothing else until it has (the API answers SETUP_REQUIRED elsewhere).
 */
export default function AccountPage() {
  const me = useMe();
  const navigate = useNavigate();
  const mustChange = me.requirements.includes('password_change');
  const mustEnrol = me.requirements.includes('totp_enrolment');
  return (
    <>
      <Typography.Title level={2} className="page-title">账号安全</Typography.Title>
      <Space direction="vertical" size="large" style={{ width: '100%' }}>
        {me.requirements.length > 0 && (
          <Alert type="warning" showIcon message="请先完成以下设置，之后才能办理业务"
            description={[mustChange && '修改密码（初始密码或已超过有效期）', mustEnrol && '绑定动态口令（工作人员账号必须）'].filter(Boolean).join('；')} />
        )}
        {(mustChange || !mustEnrol) && (
          <Card title="修改密码" size="small"><ChangePasswordForm /></Card>
        )}
        {!mustChange && (
          <Card title="动态口令（双因素认证）" size="small">
            {me.totpEnrolled
              ? <Space><Tag color="green">已绑定</Tag><span>如需更换手机，请联系系统管理员申请重置（须另一名管理员审批）。</span></Space>
              : <TotpEnrolment onDone={() => navigate(HOME[me.role], { replace: true })} />}
          </Card>
        )}
      </Space>
    </>
  );
}
