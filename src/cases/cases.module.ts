import { Module } from '@nestjs/common';
import { CatalogueModule } from '../catalogue/catalogue.module';
import { InstitutionsModule } from '../institutions/institutions.module';
import { PoliciesModule } from '../policies/policies.module';
import { CasesController } from './cases.controller';
import { CasesService } from './cases.service';

@Module({
  imports: [InstitutionsModule, CatalogueModule, PoliciesModule],
  controllers: [CasesController],
  providers: [CasesService],
  exports: [CasesService],
})
export class CasesModule {}
