import { Card, Col, Descriptions, Row, Space, Typography } from 'antd';
import { useParams } from 'react-router';
import { get } from '../../api/client';
import type { CommitmentList, CreditFile, Evaluation, Institution } from '../../api/types';
import { useMe } from '../../auth/AuthContext';
import { CommitmentTable } from '../../components/CommitmentTable';
import { CreditFileTable } from '../../components/CreditFileTable';
import { ErrorAlert } from '../../components/ErrorAlert';
import { GradeCard } from '../../components/GradeCard';
import { VerifyCommitmentButton } from '../../components/VerifyCommitmentButton';
import { useOffices } from '../../lib/lookups';
import { useAsync } from '../../lib/useAsync';
import { InstitutionCases } from './InstitutionCases';

/** Staff view of one institution: registration data, grade with reasons, the whole credit file, its cases, documents, measures, commitments. */
export default function InstitutionPage() {
  const { uscc = '' } = useParams();
  const me = useMe();
  const { officeName } = useOffices();
  const mayVerify = me.role === 'officer' || me.role === 'approver';
  const inst = useAsync(() => get<Institution>(`/institutions/${uscc}`), [uscc]);
  const evaluation = useAsync(() => get<Evaluation>(`/institutions/${uscc}/evaluation`), [uscc]);
  const file = useAsync(() => get<CreditFile>(`/institutions/${uscc}/credit-file`), [uscc]);
  const commitments = useAsync(() => get<CommitmentList>('/commitments', { uscc }), [uscc]);
  // verifying moves the grade: reload both
  const verified = () => { commitments.reload(); evaluation.reload(); };
  const i = inst.data;
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Title level={2} className="page-title">{i?.name ?? uscc}</Typography.Title>
      <ErrorAlert error={inst.error} />
      {i && (
        <Card size="small">
          <Descriptions size="small" column={3}>
            <Descriptions.Item label="统一社会信用代码">{uscc}</Descriptions.Item>
            <Descriptions.Item label="类型">{i.typeLabel}</Descriptions.Item>
            <Descriptions.Item label="主管科室">{officeName(i.officeCode)}</Descriptions.Item>
            <Descriptions.Item label="法定代表人">{i.legalRepresentative.name}（{i.legalRepresentative.idNumberMasked}）</Descriptions.Item>
            <Descriptions.Item label="办学许可证">{i.licenceNo ?? '—'}</Descriptions.Item>
            <Descriptions.Item label="地址">{i.address ?? '—'}</Descriptions.Item>
          </Descriptions>
        </Card>
      )}
      <Row gutter={16}>
        <Col xs={24} xl={9}>{evaluation.data ? <GradeCard evaluation={evaluation.data} /> : <ErrorAlert error={evaluation.error} />}</Col>
        <Col xs={24} xl={15}>
          <Card size="small" title="信用档案"><ErrorAlert error={file.error} /><CreditFileTable records={file.data?.items ?? []} loading={file.loading} /></Card>
        </Col>
      </Row>
      <InstitutionCases uscc={uscc} mayRegister={me.role === 'officer' || me.role === 'approver'} />
      <Card size="small" title="信用承诺">
        <ErrorAlert error={commitments.error} />
        <CommitmentTable items={commitments.data?.items ?? []} loading={commitments.loading}
          action={mayVerify ? (c) => <VerifyCommitmentButton commitment={c} onDone={verified} /> : undefined} />
      </Card>
    </Space>
  );
}
