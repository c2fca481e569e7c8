import { Module } from '@nestjs/common';
import { CalendarModule } from '../calendar/calendar.module';
import { CaseDataModule } from '../cases/case-data.module';
import { CryptoModule } from '../common/crypto/crypto.module';
import { OutboxModule } from '../platform/outbox.module';
import { PublicTextModule } from '../publicity/public-text.module';
import { CaseFileRepository } from './case-file/case-file.repository';
import { CaseFileService } from './case-file/case-file.service';
import { CaseDocumentsService } from './case-documents.service';
import { DocumentReadsService } from './document-reads.service';
import { DocumentVerificationService } from './document-verification.service';
import { DocumentsRepository } from './documents.repository';
import { DocumentsService } from './documents.service';
import { ElectronicConsentService } from './service/electronic-consent.service';
import { ServiceDeadlines } from './service/service-deadlines';
import { ServiceRecordsService } from './service/service-records.service';
import { ServiceRepository } from './service/service.repository';
import { DocumentSettingsService } from './settings/document-settings.service';
import { DOCUMENT_SIGNER } from './signing/document-signer';
import { Sm2FileSigner } from './signing/sm2-file-signer';

/**
 * The document engine and the service model without HTTP: what the case workflow's activities call in the worker
 * (DocumentsService.issue, ServiceRecordsService.record, ServiceDeadlines) and what the API's controllers use.
 * The signer is bound here: replace Sm2FileSigner with the bureau's electronic-seal adapter (docs/documents.md).
 */
@Module({
  imports: [CalendarModule, CryptoModule, OutboxModule, PublicTextModule, CaseDataModule],
  providers: [
    DocumentsRepository, ServiceRepository, CaseFileRepository, DocumentSettingsService, DocumentsService, DocumentReadsService,
    DocumentVerificationService, CaseFileService, ServiceRecordsService, ElectronicConsentService, ServiceDeadlines, CaseDocumentsService,
    { provide: DOCUMENT_SIGNER, useClass: Sm2FileSigner },
  ],
  exports: [
    DocumentsService, DocumentReadsService, DocumentVerificationService, CaseFileService, ServiceRecordsService,
    ElectronicConsentService, ServiceDeadlines, DocumentSettingsService, DOCUMENT_SIGNER, CaseDocumentsService, DocumentsRepository,
  ],
})
export class DocumentsCoreModule {}
