import { Module } from '@nestjs/common';
import { DocumentsCoreModule } from '../documents/documents-core.module';
import { PublicThrottlerGuard } from '../public/public-throttler.guard';
import { BureauController } from './bureau.controller';

/** The bureau's public name, read from the document settings. */
@Module({ imports: [DocumentsCoreModule], controllers: [BureauController], providers: [PublicThrottlerGuard] })
export class BureauModule {}
