import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { UserEntity } from '../auth/user.entity';
import { CalendarModule } from '../calendar/calendar.module';
import { CasesModule } from '../cases/cases.module';
import { WorklistRepository } from './worklist.repository';
import { TasksController } from './tasks.controller';
import { TasksService } from './tasks.service';

@Module({ imports: [CasesModule, CalendarModule, TypeOrmModule.forFeature([UserEntity])], controllers: [TasksController], providers: [TasksService, WorklistRepository] })
export class TasksModule {}
