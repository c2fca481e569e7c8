import { MiddlewareConsumer, Module, NestModule } from '@nestjs/common';
import { CalendarModule } from '../calendar/calendar.module';
import { DocumentsCoreModule } from '../documents/documents-core.module';
import { AlertsService } from './alerts.service';
import { ApiMetrics } from './api-metrics';
import { OpsClock } from './ops-clock';
import { OpsController } from './ops.controller';

/** The API process's operations surface (issue #21): /metrics on its own listener, and the administrator's alerts. */
@Module({
  // PlatformQueues and NotificationQueue come from the global PlatformModule.forApi() and NotificationsModule
  imports: [CalendarModule, DocumentsCoreModule],
  controllers: [OpsController],
  providers: [ApiMetrics, AlertsService, OpsClock],
  exports: [ApiMetrics, OpsClock],
})
export class OpsModule implements NestModule {
  constructor(private readonly metrics: ApiMetrics) {}

  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(this.metrics.middleware).forRoutes('{*path}');
  }
}
