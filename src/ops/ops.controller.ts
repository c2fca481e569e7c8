import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Access } from '../auth/access.decorator';
import { Audited } from '../audit/audited.decorator';
import type { OpsAlert } from './alert-rules';
import { OpsAlertDto } from './alerts.dto';
import { AlertsService } from './alerts.service';

@ApiTags('ops')
@ApiBearerAuth()
@Controller('ops')
export class OpsController {
  constructor(private readonly alerts: AlertsService) {}

  /** What the administrator must act on now, each with what to do; the console shows them as a banner. */
  @Get('alerts')
  @Access('admin')
  @Audited({ action: 'read', resource: 'ops_alerts' })
  @ApiOkResponse({ type: [OpsAlertDto] })
  list(): Promise<OpsAlert[]> {
    return this.alerts.list();
  }
}
