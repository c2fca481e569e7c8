import { Module } from '@nestjs/common';
import { DocumentsCoreModule } from '../documents/documents-core.module';
import { PortalModule } from '../portal/portal.module';
import { CounterIntakeService } from './counter-intake.service';
import { SubjectsCoreModule } from './subjects-core.module';
import { SubjectsController } from './subjects.controller';

/** Subjects: institutions and natural persons, and counter intake for persons (issue #19, docs/subjects.md). */
@Module({
  imports: [SubjectsCoreModule, DocumentsCoreModule, PortalModule],
  controllers: [SubjectsController],
  providers: [CounterIntakeService],
})
export class SubjectsModule {}
