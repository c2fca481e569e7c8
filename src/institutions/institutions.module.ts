import { DynamicModule, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditLogEntity } from '../audit/audit-log.entity';
import { AuditService } from '../audit/audit.service';
import { CryptoModule } from '../common/crypto/crypto.module';
import { InstitutionImportProcessor } from './import-job.processor';
import { InstitutionImportQueue } from './import-job.queue';
import { InstitutionImportJobs } from './import-jobs.service';
import { InstitutionEntity } from './institution.entity';
import { InstitutionImportService } from './institution-import.service';
import { InstitutionsController } from './institutions.controller';
import { InstitutionsService } from './institutions.service';

/**
 * Institutions under supervision. Other modules use InstitutionsService.findByUscc. The API imports it as is (imports
 * are queued there); the worker imports `InstitutionsModule.forWorker()`, which adds the import job's consumer.
 */
@Module({
  imports: [TypeOrmModule.forFeature([InstitutionEntity])],
  controllers: [InstitutionsController],
  providers: [InstitutionsService, InstitutionImportService, InstitutionImportJobs, InstitutionImportQueue],
  exports: [InstitutionsService],
})
export class InstitutionsModule {
  static forWorker(): DynamicModule {
    return {
      module: InstitutionsModule,
      // the worker has no AuditModule (its interceptor is HTTP's): the import writes its audit rows through this one
      imports: [CryptoModule, TypeOrmModule.forFeature([AuditLogEntity])],
      providers: [InstitutionImportProcessor, AuditService],
    };
  }
}
