import { Module } from '@nestjs/common';
import { CaseRecordsService } from './case-records.service';

/** The case workflow's persistence, shared by the API and the worker. */
@Module({ providers: [CaseRecordsService], exports: [CaseRecordsService] })
export class CaseRecordsModule {}
