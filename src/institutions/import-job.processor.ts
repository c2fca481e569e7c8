import { Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { Job, Worker } from 'bullmq';
import { startWorker } from '../redis/bull-queue';
import { IMPORT_QUEUE } from './import-job.queue';
import { InstitutionImportJobs } from './import-jobs.service';

/**
 * Worker side of institution imports: two at a time, so a burst of large files queues instead of taking the
 * worker's memory (each holds at most one file and its rows; the sheet itself is streamed).
 */
@Injectable()
export class InstitutionImportProcessor implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(InstitutionImportProcessor.name);
  private worker: Worker | null = null;

  constructor(private readonly jobs: InstitutionImportJobs) {}

  onApplicationBootstrap(): void {
    this.worker = startWorker(IMPORT_QUEUE, (job: Job<{ importId: string }>) => this.jobs.run(job.data.importId), 2, this.logger, 'import');
  }

  async onModuleDestroy(): Promise<void> {
    await this.worker?.close();
  }
}
