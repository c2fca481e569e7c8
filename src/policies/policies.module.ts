import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { PoliciesController } from './policies.controller';
import { PoliciesService } from './policies.service';
import { PolicyEntity } from './policy.entity';
import { PolicyProposals } from './policy-proposals';

@Module({
  imports: [TypeOrmModule.forFeature([PolicyEntity])],
  controllers: [PoliciesController],
  providers: [PoliciesService, PolicyProposals],
  exports: [PoliciesService],
})
export class PoliciesModule {}
