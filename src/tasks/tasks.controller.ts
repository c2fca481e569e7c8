import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Access } from '../auth/access.decorator';
import { CurrentUser } from '../auth/current-user.decorator';
import type { AuthUser } from '../auth/role';
import { Audited } from '../audit/audited.decorator';
import { BulkReassignDto, CompleteTaskDto, ReassignDto, WorklistQueryDto } from './dto/task.dto';
import { BulkReassignResultDto, TaskActionResultDto, WorklistPageDto } from './dto/task-response.dto';
import { TasksService } from './tasks.service';
import { taskIdInvalid } from '../cases/case.errors';

const uuid = new ParseUUIDPipe({ exceptionFactory: () => taskIdInvalid() });

@ApiTags('tasks')
@ApiBearerAuth()
@Controller('tasks')
export class TasksController {
  constructor(private readonly tasks: TasksService) {}

  @Get()
  @Access('officer', 'approver', 'legal', 'head')
  // the worklist names institutions, cases and their deadlines: credit information, so its reads are on record
  @Audited({ action: 'list', resource: 'task' })
  @ApiOkResponse({ type: WorklistPageDto })
  worklist(@CurrentUser() user: AuthUser, @Query() q: WorklistQueryDto) {
    return this.tasks.worklist(user, q);
  }

  @Post(':id/claim')
  @HttpCode(200)
  @Access('officer', 'approver', 'legal', 'head')
  @Audited({ action: 'transition', resource: 'task', idParam: 'id' })
  @ApiOkResponse({ type: TaskActionResultDto })
  claim(@Param('id', uuid) id: string, @CurrentUser() user: AuthUser) {
    return this.tasks.claim(id, user);
  }

  @Post(':id/unclaim')
  @HttpCode(200)
  @Access('officer', 'approver', 'legal', 'head')
  @Audited({ action: 'transition', resource: 'task', idParam: 'id' })
  @ApiOkResponse({ type: TaskActionResultDto })
  unclaim(@Param('id', uuid) id: string, @CurrentUser() user: AuthUser) {
    return this.tasks.unclaim(id, user);
  }

  @Post('bulk-reassign')
  @HttpCode(200)
  @Access('approver')
  @Audited({ action: 'transition', resource: 'task' })
  @ApiOkResponse({ type: BulkReassignResultDto })
  bulkReassign(@Body() dto: BulkReassignDto, @CurrentUser() user: AuthUser) {
    return this.tasks.bulkReassign(dto.taskIds, user, dto.toUserId);
  }

  @Post(':id/reassign')
  @HttpCode(200)
  @Access('approver')
  @Audited({ action: 'transition', resource: 'task', idParam: 'id' })
  @ApiOkResponse({ type: TaskActionResultDto })
  reassign(@Param('id', uuid) id: string, @CurrentUser() user: AuthUser, @Body() dto: ReassignDto) {
    return this.tasks.reassign(id, user, dto.toUserId);
  }

  @Post(':id/complete')
  @HttpCode(200)
  @Access('officer', 'approver', 'legal', 'head')
  @Audited({ action: 'transition', resource: 'task', idParam: 'id' })
  @ApiOkResponse({ type: TaskActionResultDto })
  complete(@Param('id', uuid) id: string, @CurrentUser() user: AuthUser, @Body() dto: CompleteTaskDto) {
    return this.tasks.complete(id, user, dto);
  }
}
