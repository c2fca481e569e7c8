import { Injectable } from '@nestjs/common';
import { ProducerQueue } from '../redis/bull-queue';

export const IMPORT_QUEUE = 'institution-import';

/** The producer of institution imports (the API adds, the worker's InstitutionImportProcessor runs them). */
@Injectable()
export class InstitutionImportQueue extends ProducerQueue {
  constructor() {
    // one attempt: a row already created would be reported again as INSTITUTION_EXISTS; a stalled job (worker
    // killed) is picked up again by BullMQ and resumes after the last row whose result was saved
    super(IMPORT_QUEUE, 'import-queue', { attempts: 1, removeOnComplete: { age: 3600, count: 200 }, removeOnFail: { age: 86400 } });
  }

  /** Job id = import id: adding the same import twice runs it once. */
  add(importId: string): Promise<unknown> {
    return this.queue.add('import', { importId }, { jobId: importId });
  }
}
