import { InitialSchema1764000000000 } from './1764000000000-initial-schema';
import { ReferenceData1764000000001 } from './1764000000001-reference-data';
import { PlatformOutbox1764000000002 } from './1764000000002-platform-outbox';
import { CreditFile1764100000000 } from './1764100000000-credit-file';
import { Supervision1764100000001 } from './1764100000001-supervision';
import { SupervisionPolicy1764100000002 } from './1764100000002-supervision-policy';
import { PlatformRelay1764200000001 } from './1764200000001-platform-relay';
import { Notifications1764200000002 } from './1764200000002-notifications';
import { CaseLifecycle1764300000000 } from './1764300000000-case-lifecycle';
import { IntegrityEducation1764350000001 } from './1764350000001-integrity-education';
import { WorklistIndexes1764310000001 } from './1764310000001-worklist-indexes';
import { CalendarYears1764400000001 } from './1764400000001-calendar-years';
import { TaskCaseSeverity1764410000001 } from './1764410000001-task-case-severity';
import { WorklistCoveringIndexes1764410000002 } from './1764410000002-worklist-covering-indexes';
import { CasePublicityDates1764420000001 } from './1764420000001-case-publicity-dates';
import { Identity1765100000000 } from './1765100000000-identity';
import { Documents1765300000001 } from './1765300000001-documents';
import { PublicationRules1765400000000 } from './1765400000000-publication-rules';
import { GradingRules1765500000000 } from './1765500000000-grading-rules';
import { FourEyes1765600000000 } from './1765600000000-four-eyes';
import { CaseBlocked1765600000001 } from './1765600000001-case-blocked';
import { InstitutionImports1765610000014 } from './1765610000014-institution-imports';
import { OpsChecks1766000000000 } from './1766000000000-ops-checks';
import { TotpResetProposals1765650000000 } from './1765650000000-totp-reset-proposals';
import { CreditEffects1766100000000 } from './1766100000000-credit-effects';
import { PolicyEffectiveFrom1766100000001 } from './1766100000001-policy-effective-from';
import { Remedies1766100000002 } from './1766100000002-remedies';
import { PenaltyActors1766200000001 } from './1766200000001-penalty-actors';
import { MeasureCatalogue1766200000002 } from './1766200000002-measure-catalogue';
import { PenaltyProcedure1766200000003 } from './1766200000003-penalty-procedure';
import { PenaltyDocuments1766200000004 } from './1766200000004-penalty-documents';
import { Subjects1767120000001 } from './1767120000001-subjects';
import { RecordRepairs1767130000001 } from './1767130000001-record-repairs';
import { TaskVersion1767140000001 } from './1767140000001-task-version';
import { SeriousList1767160000001 } from './1767160000001-serious-list';
import { ProvisionalDeadlines1767170000001 } from './1767170000001-provisional-deadlines';
import { RepairRefusalsCounterPeriods1767180000005 } from './1767180000005-repair-refusals-counter-periods';
import { BanFromService1767180000009 } from './1767180000009-ban-from-service';
import { ToldCompletions1767190000001 } from './1767190000001-told-completions';
import { CaseTellings1767200000001 } from './1767200000001-case-tellings';

/** Every migration, in order. Listed explicitly so the same list works from ts (tests) and js (dist). */
export const MIGRATIONS = [InitialSchema1764000000000, ReferenceData1764000000001, PlatformOutbox1764000000002,
  CreditFile1764100000000, Supervision1764100000001, SupervisionPolicy1764100000002, PlatformRelay1764200000001, Notifications1764200000002, CaseLifecycle1764300000000, IntegrityEducation1764350000001,
  WorklistIndexes1764310000001, CalendarYears1764400000001, TaskCaseSeverity1764410000001,
  WorklistCoveringIndexes1764410000002, CasePublicityDates1764420000001,
  Identity1765100000000, Documents1765300000001, PublicationRules1765400000000, GradingRules1765500000000,
  FourEyes1765600000000, CaseBlocked1765600000001, InstitutionImports1765610000014, TotpResetProposals1765650000000, OpsChecks1766000000000,
  CreditEffects1766100000000, PolicyEffectiveFrom1766100000001, Remedies1766100000002,
  PenaltyActors1766200000001, MeasureCatalogue1766200000002, PenaltyProcedure1766200000003, PenaltyDocuments1766200000004,
  Subjects1767120000001, RecordRepairs1767130000001, TaskVersion1767140000001, SeriousList1767160000001,
  ProvisionalDeadlines1767170000001, RepairRefusalsCounterPeriods1767180000005,
  BanFromService1767180000009, ToldCompletions1767190000001,
  CaseTellings1767200000001];
