import { Body, Controller, Get, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Audited } from '../audit/audited.decorator';
import { Access } from '../auth/access.decorator';
import { CurrentUser } from '../auth/current-user.decorator';
import { AuthUser, STAFF } from '../auth/role';
import { DirectoryService } from './directory.service';
import { OfficeDto, UserDto, UserListDto } from './dto/directory-response.dto';
import { CreateUserDto, UpdateUserDto, UserQueryDto } from './dto/user.dto';
import { idInvalid } from '../common/errors/common.errors';

const uuid = new ParseUUIDPipe({ exceptionFactory: () => idInvalid() });

@ApiTags('directory (用户与科室)')
@ApiBearerAuth()
@Controller()
export class DirectoryController {
  constructor(private readonly directory: DirectoryService) {}

  @Get('offices')
  @Access(...STAFF)
  @ApiOperation({ summary: '科室列表' })
  @ApiOkResponse({ type: [OfficeDto] })
  offices() {
    return this.directory.offices();
  }

  @Get('users')
  @Access('admin', 'approver')
  @Audited({ action: 'list', resource: 'user' })
  @ApiOperation({ summary: '用户列表（管理员看全部；审核人只看本科室可改派的经办人和审核人）' })
  @ApiOkResponse({ type: UserListDto })
  users(@Query() q: UserQueryDto, @CurrentUser() user: AuthUser) {
    return this.directory.users(q, user);
  }

  @Post('users')
  @Access('admin')
  @Audited({ action: 'create', resource: 'user' })
  @ApiOperation({ summary: '新建账号' })
  @ApiCreatedResponse({ type: UserDto })
  create(@Body() dto: CreateUserDto) {
    return this.directory.create(dto);
  }

  @Patch('users/:id')
  @Access('admin')
  @Audited({ action: 'update', resource: 'user', idParam: 'id' })
  @ApiOperation({ summary: '修改角色、科室、姓名，或停用/启用账号' })
  @ApiOkResponse({ type: UserDto })
  update(@Param('id', uuid) id: string, @Body() dto: UpdateUserDto, @CurrentUser() user: AuthUser) {
    return this.directory.update(id, dto, user);
  }
}
