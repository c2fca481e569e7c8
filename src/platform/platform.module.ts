import { DynamicModule, Module } from '@nestjs/common';
import { BullBoardMount, QueueSessionController } from './bull-board';
import { DeliveryProcessor } from './delivery.processor';
import { DeliveryService } from './delivery.service';
import { InboundScheduler } from './inbound.scheduler';
import { InboundService } from './inbound.service';
import { OutboxPoller } from './outbox.poller';
import { PlatformQueues } from './platform-queues';
import { PlatformClient } from './platform.client';
import { PlatformController } from './platform.controller';
import { ReconciliationService } from './reconciliation.service';
import { SubmissionsService } from './submissions.service';

/**
 * Sharing with the municipal platform. The API imports `PlatformModule.forApi()` (needs-fixing list, reconciliation,
 * Bull Board); the worker imports `PlatformModule.forWorker()`, which adds the consumers: the outbox poller, one
 * delivery worker per record type and the feed schedule. `OutboxService` stays in OutboxModule so writers need
 * nothing else, and `JointSanctionService` with it.
 */
@Module({
  providers: [PlatformQueues, PlatformClient, SubmissionsService, ReconciliationService, InboundService],
  exports: [SubmissionsService, InboundService, PlatformQueues],
})
export class PlatformModule {
  static forApi(): DynamicModule {
    return { module: PlatformModule, global: true, controllers: [PlatformController, QueueSessionController], providers: [BullBoardMount] };
  }

  static forWorker(): DynamicModule {
    return { module: PlatformModule, global: true, providers: [OutboxPoller, DeliveryService, DeliveryProcessor, InboundScheduler] };
  }
}
