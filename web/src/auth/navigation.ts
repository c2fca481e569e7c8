import type { Role } from '../api/types';

export interface NavItem {
  path: string;
  label: string;
  roles: Role[];
}

/** Each role sees only what it may use; routes check the same lists. */
export const NAV: NavItem[] = [
  { path: '/worklist', label: '我的待办', roles: ['officer', 'approver', 'legal', 'head'] },
  { path: '/cases', label: '案件查询', roles: ['officer', 'approver', 'manager', 'auditor', 'legal', 'head'] },
  { path: '/cases/new', label: '登记线索', roles: ['officer', 'approver'] },
  { path: '/publicity', label: '双公示登记', roles: ['officer', 'approver'] },
  { path: '/record-repairs', label: '信用修复申请', roles: ['officer', 'approver', 'manager', 'auditor', 'legal', 'head'] },
  { path: '/subjects', label: '自然人查询', roles: ['officer', 'approver', 'manager', 'auditor', 'legal', 'head'] },
  { path: '/institutions', label: '机构名录', roles: ['officer', 'approver', 'manager', 'auditor', 'admin'] },
  { path: '/dashboard', label: '领导看板', roles: ['manager', 'auditor', 'admin'] },
  { path: '/statistics', label: '统计分析', roles: ['manager', 'approver', 'auditor'] },
  { path: '/circular', label: '通报', roles: ['manager', 'auditor'] },
  { path: '/portal', label: '本机构信用', roles: ['institution'] },
  { path: '/portal/commitments', label: '信用承诺', roles: ['institution'] },
  { path: '/portal/repairs', label: '信用修复', roles: ['institution'] },
  { path: '/education', label: '诚信教育', roles: ['institution', 'officer', 'approver', 'manager', 'auditor'] },
  { path: '/inbox', label: '消息通知', roles: ['officer', 'approver', 'manager', 'institution', 'auditor', 'admin', 'legal', 'head'] },
  { path: '/admin', label: '系统管理', roles: ['admin'] },
  { path: '/account', label: '账号安全', roles: ['officer', 'approver', 'manager', 'institution', 'auditor', 'admin', 'legal', 'head'] },
];

export const HOME: Record<Role, string> = {
  officer: '/worklist', approver: '/worklist', manager: '/dashboard', institution: '/portal', auditor: '/cases', admin: '/admin', legal: '/worklist', head: '/worklist',
};

export const navFor = (role: Role) => NAV.filter((n) => n.roles.includes(role));
export const rolesFor = (path: string): Role[] => NAV.find((n) => n.path === path)?.roles ?? [];
