import { Module } from '@nestjs/common';
import { PublicController } from './public.controller';
import { PublicService } from './public.service';
import { PublicThrottlerGuard } from './public-throttler.guard';

@Module({ controllers: [PublicController], providers: [PublicService, PublicThrottlerGuard] })
export class PublicModule {}
