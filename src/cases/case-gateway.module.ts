import { Module } from '@nestjs/common';
import { CaseGateway } from './case-gateway';

/**
 * The gateway into case workflows on its own (it needs only the global Temporal client and the configuration), so
 * a module that tells cases what happened elsewhere — a remedy's revocation — need not bring in the case pages.
 */
@Module({ providers: [CaseGateway], exports: [CaseGateway] })
export class CaseGatewayModule {}
