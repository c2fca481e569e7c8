import { Global, Module } from '@nestjs/common';
import { JointSanctionService } from './joint-sanction.service';
import { OutboxService } from './outbox.service';

/**
 * What a writer needs to hand records to the municipal platform: the outbox, and the joint-sanction notices that
 * are outbox rows too. Global and in every process (src/shared.modules.ts), so each service is provided once.
 */
@Global()
@Module({ providers: [OutboxService, JointSanctionService], exports: [OutboxService, JointSanctionService] })
export class OutboxModule {}
