import { HttpStatus, Injectable, Logger } from '@nestjs/common';
import { WorkflowNotFoundError } from '@temporalio/client';
import type { AuthUser } from '../../auth/role';
import { CaseGateway } from '../../cases/case-gateway';
import { DomainException } from '../../common/errors/domain.exception';
import { documentServedSignal } from '../../../workflows/contracts';
import { DocumentErrorCode } from '../document.errors';
import { DocumentsRepository } from '../documents.repository';
import type { ServiceView } from './service-records.service';

/**
 * Tells the case workflow that one of its documents was served (送达), once the service record has committed: the
 * case has waited for it, and the deadline the document sets runs from the day after `servedOn`. A signal that fails
 * leaves the record in place; recording the same service again answers the same record and signals again.
 * It goes through CaseGateway, the API's only way into a case's workflow.
 */
@Injectable()
export class DocumentServedSignal {
  private readonly log = new Logger(DocumentServedSignal.name);

  constructor(
    private readonly gateway: CaseGateway,
    private readonly repo: DocumentsRepository,
  ) {}

  async send(service: ServiceView, user: AuthUser): Promise<void> {
    const doc = await this.repo.find(service.documentId);
    if (!doc?.caseNo) return; // a document of no case (issued from the institution's file) moves no workflow
    try {
      await this.gateway.signal(doc.caseNo, user, documentServedSignal, {
        documentId: service.documentId, servedOn: service.servedOn, method: service.method,
      });
    } catch (err) {
      // a case that has ended (or a case row made without a workflow) has nothing waiting for the service
      if (err instanceof WorkflowNotFoundError) return;
      this.log.warn(`documentServed for ${doc.caseNo} not delivered: ${(err as Error).message}`);
      throw new DomainException(DocumentErrorCode.CASE_NOT_SIGNALLED, '送达已登记，但案件流程暂未收到送达通知；请稍后再次提交同一送达登记（不会重复登记）',
        HttpStatus.SERVICE_UNAVAILABLE, { documentId: service.documentId });
    }
  }
}
