import { Module } from '@nestjs/common';
import { PublicTextService } from './public-text.service';

/**
 * Public texts (公示文本) and their guard, on their own so the case worker's activities can draft and approve a
 * determination's findings without the 双公示 register: import this module where the activities are built.
 */
@Module({ providers: [PublicTextService], exports: [PublicTextService] })
export class PublicTextModule {}
