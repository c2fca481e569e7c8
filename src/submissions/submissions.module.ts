import { Module } from '@nestjs/common';
import { SubmissionsController } from './submissions.controller';
import { SubmissionsService } from './submissions.service';

/** The portal's 我提交的材料 and submission receipts (issue #22), beside src/portal rather than inside it. */
@Module({ controllers: [SubmissionsController], providers: [SubmissionsService], exports: [SubmissionsService] })
export class SubmissionsModule {}
