/** The workflow bundle of the bench worker: the real case workflows, plus the baseline for comparison. */
export * from '../workflows';
export { baselineWorkflow } from './baseline.workflow';
