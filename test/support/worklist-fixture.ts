import { randomUUID } from 'node:crypto';
import type { TestApp } from './app';
import { createInstitution, TestInstitution } from './factories';

type Severity = 'minor' | 'general' | 'serious';
type Who = 'officerA' | 'officerA2' | 'officerB' | 'approverA';

/** One task as the fixture describes it; `office` A or B are the fixture's own offices, null is "any office". */
export interface FixtureTask {
  key: string;
  institution: 'X' | 'Y';
  severity: Severity;
  kind: string;
  stage: string;
  status: 'open' | 'claimed' | 'completed' | 'cancelled';
  role: 'officer' | 'approver';
  office: 'A' | 'B' | null;
  assignee?: Who;
  dueInDays: number;
  overdue?: boolean;
}

/**
 * A small worklist as two offices have it: open and claimed tasks of officers and approvers, a task any office may
 * take, a colleague's claim, a task claimed across offices, and finished work that no worklist shows. Each task is
 * the open step of its own case (severity on the case, priority by severity as the workflow sets it).
 */
export const WORKLIST_TASKS: FixtureTask[] = [
  { key: 'overdueInvestigation', institution: 'X', severity: 'serious', kind: 'investigate', stage: 'INVESTIGATION', status: 'open', role: 'officer', office: 'A', dueInDays: -3, overdue: true },
  { key: 'objectionReview', institution: 'X', severity: 'general', kind: 'review-objection', stage: 'OBJECTION_REVIEW', status: 'open', role: 'officer', office: 'A', dueInDays: 1 },
  { key: 'interview', institution: 'Y', severity: 'minor', kind: 'schedule-interview', stage: 'REMINDER_INTERVIEW', status: 'open', role: 'officer', office: 'A', dueInDays: 1 },
  { key: 'myRectification', institution: 'Y', severity: 'minor', kind: 'verify-rectification', stage: 'RECTIFICATION_REVIEW', status: 'claimed', role: 'officer', office: 'A', assignee: 'officerA', dueInDays: 5 },
  { key: 'colleaguesClaim', institution: 'Y', severity: 'serious', kind: 'investigate', stage: 'INVESTIGATION', status: 'claimed', role: 'officer', office: 'A', assignee: 'officerA2', dueInDays: 2 },
  { key: 'anyOffice', institution: 'Y', severity: 'general', kind: 'investigate', stage: 'INVESTIGATION', status: 'open', role: 'officer', office: null, dueInDays: 7 },
  { key: 'approval', institution: 'X', severity: 'general', kind: 'approve-determination', stage: 'APPROVAL', status: 'open', role: 'approver', office: 'A', dueInDays: 0 },
  { key: 'otherOffice', institution: 'Y', severity: 'serious', kind: 'investigate', stage: 'INVESTIGATION', status: 'open', role: 'officer', office: 'B', dueInDays: -1, overdue: true },
  { key: 'myClaimInOfficeB', institution: 'X', severity: 'serious', kind: 'verify-rectification', stage: 'RECTIFICATION_REVIEW', status: 'claimed', role: 'officer', office: 'B', assignee: 'officerA', dueInDays: 3 },
  { key: 'completed', institution: 'X', severity: 'general', kind: 'investigate', stage: 'INVESTIGATION', status: 'completed', role: 'officer', office: 'A', assignee: 'officerA', dueInDays: -10 },
  { key: 'cancelled', institution: 'Y', severity: 'general', kind: 'investigate', stage: 'INVESTIGATION', status: 'cancelled', role: 'officer', office: 'A', dueInDays: 4 },
];

const PRIORITY: Record<Severity, number> = { minor: 25, general: 50, serious: 75 };

export interface WorklistFixture {
  offices: { A: string; B: string };
  tokens: Record<Who, string>;
  institutions: Record<'X' | 'Y', TestInstitution>;
  /** Task id and case number by fixture key. */
  tasks: Record<string, { id: string; caseNo: string; dueDate: string } & FixtureTask>;
  /** Today in the database's calendar, plus n days, as YYYY-MM-DD. */
  day(n: number): Promise<string>;
}

/** Inserts the fixture in two offices of its own, so tasks left by other suites never show in its worklists. */
export async function createWorklistFixture(t: TestApp): Promise<WorklistFixture> {
  const tag = randomUUID().slice(0, 6).toUpperCase();
  const offices = { A: `WL${tag}A`, B: `WL${tag}B` };
  for (const [k, code] of Object.entries(offices)) await t.ds.query(`INSERT INTO offices (code, name) VALUES ($1, $2)`, [code, `测试科室${k}`]);
  const people: [Who, 'officer' | 'approver', string][] = [
    ['officerA', 'officer', offices.A], ['officerA2', 'officer', offices.A], ['officerB', 'officer', offices.B], ['approverA', 'approver', offices.A],
  ];
  const tokens = {} as Record<Who, string>;
  const ids = {} as Record<Who, string>;
  for (const [who, role, officeCode] of people) {
    const { user, token } = await t.loginAs(role, { officeCode });
    tokens[who] = token;
    ids[who] = user.id;
  }
  const institutions = { X: await createInstitution(t.ds, offices.A), Y: await createInstitution(t.ds, offices.A) };
  const tasks: WorklistFixture['tasks'] = {};
  for (const [n, f] of WORKLIST_TASKS.entries()) {
    const caseNo = `WT-${tag}-${String(n + 1).padStart(3, '0')}`;
    const office = f.office && offices[f.office];
    await t.ds.query(
      `INSERT INTO cases (case_no, institution_id, uscc, behaviour_code, catalogue_version, policy_version, facts, source, severity,
                          stage, office_code, registered_by)
       VALUES ($1, $2, $3, 'EDU-001', 1, 1, '工作台测试案件', 'inspection', $4, $5, $6, $7)`,
      [caseNo, institutions[f.institution].id, institutions[f.institution].uscc, f.severity, f.stage, offices.A, ids.officerA]);
    const assignee = f.assignee ? ids[f.assignee] : null;
    const [row] = await t.ds.query(
      `INSERT INTO tasks (case_no, kind, stage, status, candidate_role, candidate_office, assignee_id, due_date, follow_up_date,
                          priority, overdue, claimed_at, completed_at, completed_by, idempotency_key)
       VALUES ($1, $2, $3, $4, $5, $6, $7, current_date + $8::int, current_date + $8::int - 1, $9, $10,
               CASE WHEN $7::uuid IS NOT NULL THEN now() END, CASE WHEN $4 = 'completed' THEN now() END,
               CASE WHEN $4 = 'completed' THEN $7::uuid END, $1 || ':task')
       RETURNING id, due_date::text AS "dueDate"`,
      [caseNo, f.kind, f.stage, f.status, f.role, office, assignee, f.dueInDays, PRIORITY[f.severity], f.overdue ?? false]);
    tasks[f.key] = { ...f, id: row.id, caseNo, dueDate: row.dueDate };
  }
  const day = async (n: number) => (await t.ds.query(`SELECT (current_date + $1::int)::text AS d`, [n]))[0].d as string;
  return { offices, tokens, institutions, tasks, day };
}
