import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { InstitutionsModule } from '../institutions/institutions.module';
import { IntegrityActivityEntity } from './integrity-activity.entity';
import { IntegrityEducationController } from './integrity-education.controller';
import { IntegrityEducationService } from './integrity-education.service';

@Module({
  imports: [TypeOrmModule.forFeature([IntegrityActivityEntity]), InstitutionsModule],
  controllers: [IntegrityEducationController],
  providers: [IntegrityEducationService],
})
export class IntegrityEducationModule {}
