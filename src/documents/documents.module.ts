import { Module } from '@nestjs/common';
import { CasesModule } from '../cases/cases.module';
import { PublicThrottlerGuard } from '../public/public-throttler.guard';
import { DocumentsCoreModule } from './documents-core.module';
import { DocumentSettingsController } from './http/document-settings.controller';
import { DocumentsController } from './http/documents.controller';
import { PortalDocumentsController } from './http/portal-documents.controller';
import { PublicDocumentsController } from './http/public-documents.controller';
import { ServiceConsentController } from './http/service-consent.controller';
import { DocumentServedSignal } from './service/document-served-signal.service';

/** The API's routes for documents and their service (issue #15); the engine itself is DocumentsCoreModule. */
@Module({
  imports: [DocumentsCoreModule, CasesModule],
  controllers: [DocumentsController, PortalDocumentsController, ServiceConsentController, PublicDocumentsController, DocumentSettingsController],
  providers: [PublicThrottlerGuard, DocumentServedSignal],
})
export class DocumentsModule {}
