import { Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsBoolean, IsDateString, IsInt, IsOptional, Max, Min } from 'class-validator';
import { Audited } from '../audit/audited.decorator';
import { Access, OwnDataOnly } from '../auth/access.decorator';
import { CurrentUser } from '../auth/current-user.decorator';
import { ROLES, type AuthUser } from '../auth/role';
import { notFound } from '../common/errors/domain.exception';
import { InboxItemDto, InboxPageDto } from './dto/inbox-response.dto';
import { InboxItem, NotificationsService } from './notifications.service';
import { NotificationErrorCode } from './notification.errors';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export class InboxQuery {
  @IsOptional() @Transform(({ value }) => value === true || value === 'true') @IsBoolean() unread?: boolean;
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(100) limit?: number;
  /** Paging: messages created before this instant (the last item's createdAt). */
  @IsOptional() @IsDateString() before?: string;
}

/** Everyone's own messages, whatever their role; nobody reads anyone else's. */
@ApiTags('inbox')
@ApiBearerAuth()
@Controller('inbox')
export class InboxController {
  constructor(private readonly notifications: NotificationsService) {}

  @Get()
  @Access(...ROLES)
  // messages tell of cases, deadlines and decisions about an institution: reading them is on record like the file
  @Audited({ action: 'list', resource: 'inbox' })
  @ApiOkResponse({ type: InboxPageDto })
  list(@CurrentUser() user: AuthUser, @Query() q: InboxQuery): Promise<{ items: InboxItem[]; unread: number }> {
    return this.notifications.inbox(user.id, q);
  }

  @Post(':id/read')
  @HttpCode(200)
  @Access(...ROLES)
  @OwnDataOnly('id')
  @ApiOkResponse({ type: InboxItemDto })
  read(@CurrentUser() user: AuthUser, @Param('id') id: string): Promise<InboxItem> {
    if (!UUID.test(id)) throw notFound(NotificationErrorCode.NOTIFICATION_NOT_FOUND, '消息不存在');
    return this.notifications.markRead(user.id, id);
  }
}
