/**
 * The console's names for the API's answers. Every type here is an alias of the generated schema.d.ts
 * (`npm run api-types` writes it from the server's OpenAPI document), so a field the server renames, drops or makes
 * nullable fails the console's type check instead of showing an empty cell.
 */
import type { components } from './schema';

type Schemas = components['schemas'];

export type Me = Schemas['CurrentUserDto'];
export type Role = Me['role'];
export const ROLES = ['officer', 'approver', 'manager', 'institution', 'auditor', 'admin', 'legal', 'head'] as const satisfies readonly Role[];
export type Severity = Schemas['CaseViewDto']['severity'];
export type Stage = Schemas['CaseViewDto']['stage'];
export type TaskKind = Schemas['CaseTaskDto']['kind'];

export type CaseView = Schemas['CaseViewDto'];
export type CaseSummary = Schemas['CaseSummaryDto'];
export type CasePage = Schemas['CasePageDto'];
export type CaseEvent = Schemas['CaseEventDto'];
export type CaseTask = Schemas['CaseTaskDto'];
export type CaseInterview = Schemas['CaseInterviewDto'];
export type WorklistItem = Schemas['WorklistItemDto'];
export type WorklistPage = Schemas['WorklistPageDto'];
export type BulkReassignResult = Schemas['BulkReassignResultDto'];
export type CatalogueItem = Schemas['CatalogueItemDto'];
export type Catalogue = Schemas['CatalogueDto'];

export type Institution = Schemas['InstitutionResponseDto'];
export type InstitutionPage = Schemas['InstitutionPageDto'];
export type ImportReport = Schemas['ImportReportDto'];
export type ImportJob = Schemas['ImportJobDto'];
export type CreditRecord = Schemas['CreditRecordDto'];
export type CreditFile = Schemas['CreditFileDto'];
export type Evaluation = Schemas['EvaluationDto'];
export type GradeCap = Schemas['GradeCapDto'];

export type PortalDeadline = Schemas['PortalDeadlineDto'];
export type PortalCase = Schemas['PortalCaseDto'];
export type PortalCaseView = Schemas['PortalCaseViewDto'];
export type PortalCaseDocument = Schemas['PortalCaseDocumentDto'];
export type UploadedFile = Schemas['UploadedEvidenceDto'];
export type InboxItem = Schemas['InboxItemDto'];
export type InboxPage = Schemas['InboxPageDto'];
export type Commitment = Schemas['CommitmentDto'];
export type CommitmentList = Schemas['CommitmentListDto'];

export type PublicInstitution = Schemas['PublicInstitutionDto'];
export type PublicInstitutionHits = Schemas['PublicInstitutionHitsDto'];
export type PublicityDecision = Schemas['PublicityDecisionDto'];

export type User = Schemas['UserDto'];
export type UserList = Schemas['UserListDto'];
export type Office = Schemas['OfficeDto'];
export type PolicyVersion = Schemas['PolicyVersionDto'];
export type UpcomingPolicy = Schemas['UpcomingPolicyDto'];
export type CalendarOverride = Schemas['CalendarOverrideDto'];
export type DecisionProposal = Schemas['DecisionProposalDto'];
export type WorkingDayCheck = Schemas['WorkingDayCheckDto'];
export type QueueSession = Schemas['QueueSessionDto'];

export type IntegrityActivity = Schemas['ActivityDto'];
export type IntegrityActivityList = Schemas['ActivityListDto'];
export type TermReport = Schemas['TermReportDto'];

export type AccountabilityReport = Schemas['AccountabilityReportDto'];
export type OfficeAccountability = Schemas['OfficeAccountabilityDto'];
export type ReviewCoverage = Schemas['ReviewCoverageDto'];
export type PublicityOverdueReport = Schemas['PublicityOverdueReportDto'];
export type OverdueRectifications = Schemas['OverdueRectificationsDto'];
export type GradeDistribution = Schemas['GradeDistributionDto'];
export type Token = Schemas['TokenDto'];
export type OpsAlert = Schemas['OpsAlertDto'];
export type CaseDocument = Schemas['DocumentSummaryDto'];

export type RecordRepair = Schemas['RecordRepairViewDto'];
export type FinePayment = Schemas['FinePaymentViewDto'];
export type Person = Schemas['PersonDto'];
export type PersonRecords = Schemas['PersonRecordsDto'];
export type CounterIntake = Schemas['CounterIntakeViewDto'];
export type CounterIntakeList = Schemas['CounterIntakeListDto'];
export type OpenIntake = Schemas['OpenIntakeDto'];
export type OpenIntakeList = Schemas['OpenIntakeListDto'];
