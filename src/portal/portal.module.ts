import { Module } from '@nestjs/common';
import { CasesModule } from '../cases/cases.module';
import { DocumentsCoreModule } from '../documents/documents-core.module';
import { SubmissionsModule } from '../submissions/submissions.module';
import { PortalCaseService } from './portal-case.service';
import { PortalController } from './portal.controller';
import { PortalService } from './portal.service';
import { UploadsService } from './uploads.service';

@Module({
  imports: [CasesModule, DocumentsCoreModule, SubmissionsModule],
  controllers: [PortalController],
  providers: [PortalService, UploadsService, PortalCaseService],
  exports: [UploadsService],
})
export class PortalModule {}
