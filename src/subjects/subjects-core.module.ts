import { Module } from '@nestjs/common';
import { SubjectsRepository } from './subjects.repository';
import { SubjectsService } from './subjects.service';

/** Finding or registering a subject, without HTTP: what 双公示 and credit review use (no cycle through the portal). */
@Module({ providers: [SubjectsService, SubjectsRepository], exports: [SubjectsService, SubjectsRepository] })
export class SubjectsCoreModule {}
