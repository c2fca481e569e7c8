import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { UserEntity } from '../auth/user.entity';
import { TaskEntity } from './task.entity';
import { WorklistRepository } from './worklist.repository';
import { TasksController } from './tasks.controller';
import { TasksService } from './tasks.service';

@Module({ imports: [TypeOrmModule.forFeature([TaskEntity, UserEntity])], controllers: [TasksController], providers: [TasksService, WorklistRepository] })
export class TasksModule {}
