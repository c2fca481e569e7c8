import { Module } from '@nestjs/common';
import { CalendarModule } from '../calendar/calendar.module';
import { DocumentsCoreModule } from '../documents/documents-core.module';
import { PoliciesModule } from '../policies/policies.module';
import { PortalModule } from '../portal/portal.module';
import { CounterIntakeService } from './counter-intake.service';
import { ObjectionPeriodsService } from './objection-periods';
import { SubjectsCoreModule } from './subjects-core.module';
import { SubjectsController } from './subjects.controller';

/** Subjects: institutions and natural persons, and counter intake for persons (issue #19, docs/subjects.md). */
@Module({
  imports: [SubjectsCoreModule, DocumentsCoreModule, PortalModule, CalendarModule, PoliciesModule],
  controllers: [SubjectsController],
  providers: [CounterIntakeService, ObjectionPeriodsService],
})
export class SubjectsModule {}
