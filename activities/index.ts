export type { CaseActivities } from './case.activities';
export { createCaseActivities } from './case.activities';
