import { Module } from '@nestjs/common';
import { PublicController } from './public.controller';
import { PublicInspectionsService } from './public-inspections.service';
import { PublicService } from './public.service';
import { PublicThrottlerGuard } from './public-throttler.guard';

@Module({ controllers: [PublicController], providers: [PublicService, PublicInspectionsService, PublicThrottlerGuard] })
export class PublicModule {}
