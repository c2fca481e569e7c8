import { Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { Job, Worker } from 'bullmq';
import { validateEnv } from '../config/env.schema';
import { redisOptions } from '../platform/redis-options';
import { IMPORT_QUEUE } from './import-job.queue';
import { InstitutionImportJobs } from './import-jobs.service';

/**
 * Worker side of institution imports: two at a time, so a burst of large files queues instead of taking the
 * worker's memory (each holds at most one file and its rows; the sheet itself is streamed).
 */
@Injectable()
export class InstitutionImportProcessor implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(InstitutionImportProcessor.name);
  private readonly env = validateEnv(process.env);
  private worker: Worker | null = null;

  constructor(private readonly jobs: InstitutionImportJobs) {}

  onApplicationBootstrap(): void {
    this.worker = new Worker(IMPORT_QUEUE, (job: Job<{ importId: string }>) => this.jobs.run(job.data.importId), {
      connection: redisOptions(this.env.REDIS_URL), prefix: this.env.QUEUE_PREFIX, concurrency: 2,
    });
    this.worker.on('error', (err) => this.logger.warn({ err: err.message }, 'import worker error'));
  }

  async onModuleDestroy(): Promise<void> {
    await this.worker?.close();
  }
}
