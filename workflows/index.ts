export { dishonestyCaseWorkflow } from './dishonesty-case.workflow';
export { penaltyProcedureWorkflow } from './penalty-procedure.workflow';
