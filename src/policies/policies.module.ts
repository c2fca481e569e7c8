import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { FourEyesModule } from '../common/four-eyes/four-eyes.module';
import { PoliciesController } from './policies.controller';
import { PoliciesService } from './policies.service';
import { PolicyEntity } from './policy.entity';
import { PolicyProposals } from './policy-proposals';
import { PolicyResolver } from './policy-resolver';

@Module({
  imports: [TypeOrmModule.forFeature([PolicyEntity]), FourEyesModule],
  controllers: [PoliciesController],
  providers: [PoliciesService, PolicyProposals, PolicyResolver],
  exports: [PoliciesService, PolicyResolver],
})
export class PoliciesModule {}
