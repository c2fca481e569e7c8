import { Result, Spin } from 'antd';
import { lazy, Suspense, type ReactNode } from 'react';
import { Navigate, Route, Routes, useLocation } from 'react-router';
import type { Role } from './api/types';
import { useAuth } from './auth/AuthContext';
import { HOME, rolesFor } from './auth/navigation';
import { Shell } from './layout/Shell';
import { LoginPage } from './pages/LoginPage';
import { worklistPage } from './pages/worklist/first-page';

const WorklistPage = worklistPage.Page;
const CaseListPage = lazy(() => import('./pages/cases/CaseListPage'));
const CasePage = lazy(() => import('./pages/cases/CasePage'));
const RegisterCasePage = lazy(() => import('./pages/cases/RegisterCasePage'));
const PublicityPage = lazy(() => import('./pages/publicity/PublicityPage'));
const InstitutionsPage = lazy(() => import('./pages/institutions/InstitutionsPage'));
const InstitutionPage = lazy(() => import('./pages/institutions/InstitutionPage'));
const DashboardPage = lazy(() => import('./pages/dashboard/DashboardPage'));
const CircularPage = lazy(() => import('./pages/dashboard/CircularPage'));
const StatisticsPage = lazy(() => import('./pages/statistics/StatisticsPage'));
const PortalPage = lazy(() => import('./pages/portal/PortalPage'));
const PortalCasePage = lazy(() => import('./pages/portal/PortalCasePage'));
const InboxPage = lazy(() => import('./pages/portal/InboxPage'));
const CommitmentsPage = lazy(() => import('./pages/portal/CommitmentsPage'));
const EducationPage = lazy(() => import('./pages/education/EducationPage'));
const AdminPage = lazy(() => import('./pages/admin/AdminPage'));
const PublicPage = lazy(() => import('./pages/public/PublicPage'));
const RecordRepairsPage = lazy(() => import('./pages/repairs/RecordRepairsPage'));
const RecordRepairPage = lazy(() => import('./pages/repairs/RecordRepairPage'));
const PortalRepairsPage = lazy(() => import('./pages/portal/PortalRepairsPage'));
const SubjectsPage = lazy(() => import('./pages/subjects/SubjectsPage'));
const PersonPage = lazy(() => import('./pages/subjects/PersonPage'));
const AccountPage = lazy(() => import('./pages/account/AccountPage'));

const loading = <Spin style={{ display: 'block', margin: '80px auto' }} tip="加载中…"><div /></Spin>;

function RequireRole({ roles, children }: { roles: Role[]; children: ReactNode }) {
  const { me, loading: authLoading } = useAuth();
  const location = useLocation();
  if (authLoading) return loading;
  if (!me) return <Navigate to="/login" replace state={{ from: location.pathname }} />;
  // a new password or a second factor first: the API refuses everything else to such a session anyway
  if (me.requirements.length && location.pathname !== '/account') return <Navigate to="/account" replace />;
  if (!roles.includes(me.role)) return <Result status="403" title="无权访问" subTitle="您的账号不能使用此功能。" />;
  return <>{children}</>;
}

const page = (path: string, element: ReactNode, roles: Role[] = rolesFor(path)) => (
  <Route key={path} path={path} element={<RequireRole roles={roles}><Suspense fallback={loading}>{element}</Suspense></RequireRole>} />
);

function Home() {
  const { me, loading: authLoading } = useAuth();
  if (authLoading) return loading;
  return <Navigate to={!me ? '/login' : me.requirements.length ? '/account' : HOME[me.role]} replace />;
}

export function AppRoutes() {
  return (
    <Routes>
      <Route path="/login" element={<LoginPage />} />
      <Route path="/public" element={<Suspense fallback={loading}><PublicPage /></Suspense>} />
      <Route element={<Shell />}>
        {page('/worklist', <WorklistPage />)}
        {page('/cases', <CaseListPage />)}
        {page('/cases/new', <RegisterCasePage />)}
        {page('/cases/:caseNo', <CasePage />, ['officer', 'approver', 'manager', 'auditor', 'admin', 'legal', 'head'])}
        {page('/publicity', <PublicityPage />)}
        {page('/record-repairs', <RecordRepairsPage />)}
        {page('/record-repairs/:id', <RecordRepairPage />, rolesFor('/record-repairs'))}
        {page('/portal/repairs', <PortalRepairsPage />)}
        {page('/subjects', <SubjectsPage />)}
        {page('/subjects/:id', <PersonPage />, rolesFor('/subjects'))}
        {page('/institutions', <InstitutionsPage />)}
        {page('/institutions/:uscc', <InstitutionPage />, ['officer', 'approver', 'manager', 'auditor', 'admin'])}
        {page('/dashboard', <DashboardPage />)}
        {page('/statistics', <StatisticsPage />)}
        {page('/circular', <CircularPage />)}
        {page('/portal', <PortalPage />)}
        {page('/portal/cases/:caseNo', <PortalCasePage />, ['institution'])}
        {page('/inbox', <InboxPage />)}
        {page('/portal/commitments', <CommitmentsPage />)}
        {page('/education', <EducationPage />)}
        {page('/admin', <AdminPage />)}
        {page('/account', <AccountPage />)}
        <Route path="/" element={<Home />} />
        <Route path="*" element={<Result status="404" title="页面不存在" subTitle="请从左侧菜单进入。" />} />
      </Route>
    </Routes>
  );
}
