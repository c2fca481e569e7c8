import { Module } from '@nestjs/common';
import { DocumentsCoreModule } from '../documents/documents-core.module';
import { EffectsController } from './effects.controller';
import { EffectsService } from './effects.service';

/** Effects of decisions (docs/effects.md). The worker imports it too: the case activities end effects through it. */
@Module({ imports: [DocumentsCoreModule], controllers: [EffectsController], providers: [EffectsService], exports: [EffectsService] })
export class EffectsModule {}
