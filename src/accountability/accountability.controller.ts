import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Audited } from '../audit/audited.decorator';
import { Access } from '../auth/access.decorator';
import { PeriodQuery } from '../credit-review/dto/review.dto';
import { AccountabilityService } from './accountability.service';
import { AccountabilityReportDto } from './dto/accountability-response.dto';

@ApiTags('accountability (通报)')
@ApiBearerAuth()
@Controller('accountability')
export class AccountabilityController {
  constructor(private readonly accountability: AccountabilityService) {}

  @Get()
  @Access('manager', 'approver', 'auditor', 'admin')
  @Audited({ action: 'list', resource: 'accountability' })
  @ApiOperation({ summary: '科室通报数据：双公示逾期、未报送共享、无审查决定、逾期任务、逾期异议' })
  @ApiOkResponse({ type: AccountabilityReportDto })
  report(@Query() q: PeriodQuery) {
    return this.accountability.report(q.from, q.to);
  }
}
