export { dishonestyCaseWorkflow } from './dishonesty-case.workflow';
